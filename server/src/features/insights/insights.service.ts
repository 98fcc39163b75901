import type { Database } from '@pulse/db';
import {
  cellScores,
  directMoments,
  ORGANISATION_ID,
  runInsights,
  scoreResponse,
  unpublished,
  type CycleInput,
  type InsightsResult,
  type Publication,
} from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import { cyclesIncluding, storeAlertEpisodes } from '../alerts/alerts.service.js';
import { customerMix } from '../customers/customers.service.js';
import { queueCycleDigest } from '../digests/digests.service.js';
import { partnerInputs, storeCyclePartners, storePartnerStats } from '../partners/partners.service.js';
import { lockSetting, writeSetting } from '../settings/settings.repository.js';
import { alignmentInputs, storeCycleAlignment } from '../values/values.service.js';
import {
  allMoments,
  closedCycles,
  cycleResponses,
  cycleTrees,
  invitedByTeam,
  latestPublished,
  publications,
  recordPublication,
  replaceMoments,
  replaceStats,
  snapshotTree,
  type StatsRow,
} from './insights.repository.js';

/** The settings key holding the threshold every served figure was built with. */
const FIGURES_THRESHOLD_KEY = 'figures_threshold';

/**
 * Turns a closing cycle's answers into its team moments and freezes its hierarchy, then
 * recomputes the figures and alerts. Runs inside the transaction that closes the cycle, so a
 * cycle is never closed without its results.
 */
export async function finaliseCycle(trx: Transaction<Database>, cycleId: string, threshold: number): Promise<void> {
  await storeCycleMoments(trx, cycleId);
  const raised = await recomputeInsights(trx, threshold, [cycleId]);
  // Leaders are told after the commit (deliverDigests); queueing here makes it part of the close.
  await queueCycleDigest(trx, cycleId, raised);
}

/**
 * The first half of `finaliseCycle`: the frozen hierarchy and each team's direct moments. A
 * bulk load of many past cycles (scripts/bench/load-org.ts) runs this per cycle and then one
 * `recomputeInsights` over all of them.
 */
export async function storeCycleMoments(trx: Transaction<Database>, cycleId: string): Promise<void> {
  await snapshotTree(trx, cycleId);
  const invited = await invitedByTeam(trx, cycleId);
  const responses = new Map<string, ReturnType<typeof scoreResponse>[]>();
  for (const r of await cycleResponses(trx, cycleId)) {
    let list = responses.get(r.team_id);
    if (!list) responses.set(r.team_id, (list = []));
    list.push(scoreResponse(r.questionnaire_version, r.answers));
  }
  await replaceMoments(
    trx,
    cycleId,
    [...invited].map(([teamId, count]) => ({ teamId, invited: count, moments: directMoments(responses.get(teamId) ?? []) })),
  );
  await storeCycleAlignment(trx, cycleId);
  await storeCyclePartners(trx, cycleId);
}

/**
 * Runs the engine over every closed cycle from the stored moments and rewrites the served
 * figures of `cycleIds` (all closed cycles when omitted, e.g. after the threshold changed)
 * and every alert episode. Deterministic, so running it twice changes nothing. Resolves the
 * keys of the alert episodes that are new or escalated.
 */
export async function recomputeInsights(trx: Transaction<Database>, threshold: number, cycleIds?: string[]): Promise<string[]> {
  // Figures of the other cycles built at another threshold (ANONYMITY_THRESHOLD changed, say)
  // are rebuilt too: no two views may come from different suppression decisions.
  const builtWith = await lockSetting(trx, FIGURES_THRESHOLD_KEY);
  const cycles = await closedCycles(trx);
  const trees = await cycleTrees(trx);
  const moments = await allMoments(trx);
  const partners = await partnerInputs(trx);
  const alignment = await alignmentInputs(trx);
  const ledger = await publications(trx);
  const inputs: CycleInput[] = cycles.map((c) => ({
    cycleId: c.id,
    label: c.label,
    teams: trees.get(c.id) ?? [],
    byTeam: moments.get(c.id) ?? new Map(),
    partners: partners.get(c.id) ?? [],
    alignment: alignment.get(c.id) ?? new Map(),
    published: ledger.get(c.id),
  }));
  const result = runInsights({ teams: [], cycles: inputs, threshold, customers: await customerMix(trx) });

  const targets = new Set(cycleIds && builtWith === threshold ? cycleIds : cycles.map((c) => c.id));
  const fortress = new Map<string, number>();
  for (const points of result.drift.values()) {
    for (const d of points) if (d.fortressIndex !== undefined) fortress.set(`${d.teamId}|${d.cycleId}`, d.fortressIndex);
  }
  const alignmentByCell = new Map<string, unknown>();
  for (const [teamId, points] of result.trends) {
    for (const p of points) if (p.alignment) alignmentByCell.set(`${teamId}|${p.cycleId}`, p.alignment);
  }
  const rows: StatsRow[] = [];
  for (const agg of result.aggregates) {
    if (!targets.has(agg.cycleId)) continue;
    agg.tree.ids.forEach((teamId, node) => {
      const cell = cellScores(agg, node);
      const aligned = alignmentByCell.get(`${teamId}|${agg.cycleId}`);
      rows.push({
        cycle_id: agg.cycleId,
        team_id: teamId === ORGANISATION_ID ? null : teamId,
        invited: cell.invited,
        responded: cell.n,
        suppressed: !cell.visible,
        reason: cell.visible ? null : cell.reason,
        scores: cell.visible ? JSON.stringify({ ...cell.scores, frustration: cell.frustration }) : null,
        fortress_index: cell.visible ? (fortress.get(`${teamId}|${agg.cycleId}`) ?? null) : null,
        alignment: aligned ? JSON.stringify(aligned) : null,
        threshold: agg.suppression.threshold,
      });
    });
  }
  await keepLedger(trx, result, ledger, targets);
  await replaceStats(trx, [...targets], rows);
  await storePartnerStats(trx, result, targets);
  if (builtWith !== threshold) await writeSetting(trx, FIGURES_THRESHOLD_KEY, threshold);
  return storeAlertEpisodes(trx, result.alerts, cycles.map((c) => c.id), cyclesIncluding(result.drift));
}

/**
 * The publication ledger (shared/src/insights/ledger.ts): a cycle's figures stored for the first
 * time are its publication; figures stored again must show nothing it did not (the engine
 * restricts them so; this refuses, rolling the transaction back, if that ever failed).
 */
async function keepLedger(
  trx: Transaction<Database>,
  result: InsightsResult,
  ledger: ReadonlyMap<string, Publication>,
  targets: ReadonlySet<string>,
): Promise<void> {
  for (const [t, agg] of result.aggregates.entries()) {
    if (!targets.has(agg.cycleId)) continue;
    const publication = result.publications[t]!;
    const published = ledger.get(agg.cycleId);
    if (!published) await recordPublication(trx, agg.cycleId, publication);
    else if (unpublished(published, publication).length > 0) throw new Error(`Cycle ${agg.cycleId} would show cells it never published`);
  }
}

/** The latest closed cycle and the threshold it was published at (for the settings screen). */
export async function latestPublication(db: Kysely<Database>): Promise<{ cycleLabel: string; threshold: number } | null> {
  const row = await latestPublished(db);
  return row ? { cycleLabel: row.label, threshold: row.threshold } : null;
}

/** Rebuilds every cycle's figures and alerts unless they were built at `threshold`; resolves whether it did. */
export async function alignFigures(trx: Transaction<Database>, threshold: number): Promise<boolean> {
  if ((await lockSetting(trx, FIGURES_THRESHOLD_KEY)) === threshold) return false;
  await recomputeInsights(trx, threshold);
  return true;
}
