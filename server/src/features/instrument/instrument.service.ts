import type { Database } from '@pulse/db';
import {
  MIN_ORGANISATION_RESPONDENTS,
  MIN_SUBTREE_RESPONDENTS,
  type ConstructReliability,
  type DriversResponse,
  type ReliabilityResponse,
  type ScalesReasonCode,
} from '@pulse/shared/api/scales';
import {
  constructReliabilitySteps,
  enpsDriversSteps,
  type ConstructReliability as Computed,
  type Steps,
  type StoredAnswers,
} from '@pulse/shared/instrument';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constructs, questionnaires, type Item } from '@pulse/shared';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors.js';
import { servedCells, type ServedCell } from '../insights/insights-read.service.js';
import { coreVersions } from '../questionnaire/questionnaire.service.js';
import { subtreeAnswers, type ResponseAnswers } from './instrument.repository.js';

/**
 * The instrument's statistics are second moments of item answers, so they are computed only
 * for large groups: the organisation (at least MIN_ORGANISATION_RESPONDENTS) and subtrees of at
 * least MIN_SUBTREE_RESPONDENTS, and only where the cycle's stored suppression decision shows
 * that cell. That decision only ever hides more over time (the publication ledger), and the
 * answers of a closed cycle and its frozen hierarchy do not change, so nothing shown here can
 * later be contradicted by a figure over a different group.
 */

const reasons: Record<ScalesReasonCode, (min: number) => string> = {
  no_cycle: () => 'No pulse has closed yet.',
  hidden: () => 'This group’s figures are hidden for this pulse, to protect a smaller group.',
  too_few: (min) => `These figures need at least ${min} people to have answered.`,
  no_enps: (min) => `Nobody has answered the recommendation question (eNPS) in this pulse yet, or fewer than ${min} people did.`,
  not_computable: () => 'The answers did not vary enough to compute these figures.',
};
const because = (code: ScalesReasonCode, min = 0) => ({ reasonCode: code, reason: reasons[code](min) });

const itemsById = new Map<string, Item>([...questionnaires.values()].flatMap((q) => q.items.map((item) => [item.id, item] as const)));

const toApi = (c: Computed): ConstructReliability => ({
  construct: c.construct,
  n: c.n,
  alpha: c.alpha,
  alphaCi: c.alphaCi,
  omega: c.omega,
  omegaCi: c.omegaCi,
  items: c.items.map(({ id, itemTotal }) => ({
    id,
    text: itemsById.get(id)?.text ?? id,
    reverse: itemsById.get(id)?.reverse ?? false,
    itemTotal,
  })),
});

// A closed cycle's answers never change, so a group's figures are kept (bounded) rather than
// bootstrapped again on every visit; requests that arrive while they are computed share the work.
// The key holds the respondent count, so a rebuilt cell differs.
const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  let found = cache.get(key) as Promise<T> | undefined;
  if (!found) {
    if (cache.size >= 200) cache.delete(cache.keys().next().value!);
    found = compute();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

/**
 * Runs a bootstrap, letting other requests in between its steps of 25 resamples: a large
 * organisation's 1,000 resamples take seconds, which must not hold up the server.
 */
async function runYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await nextTurn();
  }
}

/** Stored answers with the core questionnaire they were given with (a stored version adds only eNPS and HR's questions to it). */
async function storedAnswers(db: Kysely<Database>, rows: readonly ResponseAnswers[]): Promise<StoredAnswers[]> {
  const core = await coreVersions(db);
  return rows.map((r) => ({ questionnaireVersion: core.get(r.questionnaire_version) ?? r.questionnaire_version, answers: r.answers }));
}

const groupReliability = (db: Kysely<Database>, cycleId: string, cell: ServedCell) =>
  cached(`reliability:${cycleId}:${cell.team?.id ?? 'org'}:${cell.responded}`, async () => {
    const answers = await storedAnswers(db, await subtreeAnswers(db, cycleId, cell.team?.id ?? null));
    const out: ConstructReliability[] = [];
    for (const construct of constructs) {
      const result = await runYielding(constructReliabilitySteps(answers, construct));
      if (result) out.push(toApi(result));
    }
    return out;
  });

/** GET /instrument/reliability: the organisation's and large subtrees' reliability per construct. */
export async function reliabilityFor(db: Kysely<Database>, cycleId?: string): Promise<ReliabilityResponse> {
  const { cycle, cycles, cells } = await servedCells(db, cycleId);
  if (!cycle) return { cycle: null, cycles, constructs: [], n: 0, subtrees: [], ...because('no_cycle') };
  const org = cells.find((c) => c.team === null);
  const n = org?.responded ?? 0;
  const subtrees = [];
  for (const cell of cells) {
    if (!cell.team || !cell.visible || cell.responded < MIN_SUBTREE_RESPONDENTS) continue;
    subtrees.push({ team: cell.team, n: cell.responded, constructs: await groupReliability(db, cycle.id, cell) });
  }
  subtrees.sort((a, b) => a.team.path.localeCompare(b.team.path));
  const base = { cycle, cycles, n, subtrees };
  if (!org || !org.visible) return { ...base, constructs: [], ...because('hidden') };
  if (n < MIN_ORGANISATION_RESPONDENTS) return { ...base, constructs: [], ...because('too_few', MIN_ORGANISATION_RESPONDENTS) };
  const constructs = await groupReliability(db, cycle.id, org);
  return constructs.length ? { ...base, constructs } : { ...base, constructs: [], ...because('not_computable') };
}

/** GET /instrument/drivers: Johnson's relative weights of the four needs on eNPS, for the organisation or a large subtree. */
export async function driversFor(
  db: Kysely<Database>,
  query: { cycleId?: string | undefined; teamId?: string | undefined },
): Promise<DriversResponse> {
  const teamId = query.teamId ?? null;
  const minimum = teamId ? MIN_SUBTREE_RESPONDENTS : MIN_ORGANISATION_RESPONDENTS;
  const { cycle, cells } = await servedCells(db, query.cycleId);
  const empty = { cycle, teamId, outcome: 'enps' as const, n: 0, rSquared: null, weights: [], minimum };
  if (!cycle) return { ...empty, ...because('no_cycle') };
  const cell = cells.find((c) => (c.team?.id ?? null) === teamId);
  if (!cell) throw notFound('teamInPulse');
  if (!cell.visible) return { ...empty, ...because('hidden') };
  if (cell.responded < minimum) return { ...empty, ...because('too_few', minimum) };
  const drivers = await cached(`drivers:${cycle.id}:${teamId ?? 'org'}:${cell.responded}`, async () =>
    runYielding(enpsDriversSteps(await storedAnswers(db, await subtreeAnswers(db, cycle.id, teamId)), minimum)),
  );
  if (!drivers) return { ...empty, ...because('no_enps', minimum) };
  return {
    ...empty,
    n: drivers.n,
    rSquared: drivers.rSquared,
    weights: drivers.weights.map((w) => ({ ...w, share: drivers.rSquared > 0 ? w.weight / drivers.rSquared : 0 })),
  };
}
