import type { Database } from '@pulse/db';
import { partnerItemIds, type MatrixResponse, type PartnerFigure, type PartnerScore } from '@pulse/shared/api/partners';
import {
  partnerScore,
  partnerSuppressionMessage,
  partnersToAsk,
  scoreOfMoments,
  momentsOf,
  type InsightsResult,
  type PartnerCellInput,
} from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import { notFound } from '../../errors.js';
import { listLinks, liveProvidersOf } from '../customers/customers.service.js';
import { teamDirectory } from '../teams/team-directory.js';
import { cyclesWithStats } from '../insights/cycles-with-results.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import {
  allPartnerMoments,
  cycleRatings,
  cycleStats,
  replacePartnerMoments,
  replacePartnerStats,
  visibleTotals,
  type PartnerStatsRow,
} from './partners.repository.js';

/** At close: each provider × customer team's ratings as moments of their 0–100 scores. */
export async function storeCyclePartners(trx: Transaction<Database>, cycleId: string): Promise<void> {
  const scores = new Map<string, { providerId: string; raterTeamId: string; values: number[] }>();
  for (const r of await cycleRatings(trx, cycleId)) {
    const key = `${r.provider_team_id}|${r.rater_team_id}`;
    let cell = scores.get(key);
    if (!cell) scores.set(key, (cell = { providerId: r.provider_team_id, raterTeamId: r.rater_team_id, values: [] }));
    cell.values.push(partnerScore(r.answers, partnerItemIds));
  }
  const cells: PartnerCellInput[] = [...scores.values()].map((c) => ({
    providerId: c.providerId,
    raterTeamId: c.raterTeamId,
    moments: momentsOf(c.values),
  }));
  await replacePartnerMoments(trx, cycleId, cells);
}

/** Every cycle's partner cells for the engine. */
export const partnerInputs = (db: Kysely<Database>) => allPartnerMoments(db);

const figure = (m: { n: number; mean: number; m2: number }) => {
  const { mean, ciLow, ciHigh, n } = scoreOfMoments(m);
  return { mean, ciLow, ciHigh, n };
};

/**
 * The engine's partner decisions as rows to serve: each rated provider's total (its figure when
 * visible, else only its reason) and the matrix cells that may be shown. Hidden cells get no row.
 */
function partnerStatsRows(result: InsightsResult, targets: ReadonlySet<string>): PartnerStatsRow[] {
  const rows: PartnerStatsRow[] = [];
  for (const agg of result.partners) {
    if (!agg || !targets.has(agg.cycleId)) continue;
    for (const p of agg.providers.values()) {
      rows.push({
        cycle_id: agg.cycleId,
        provider_team_id: p.providerId,
        rater_team_id: null,
        rater_teams: p.moments ? p.raterTeams : null,
        reason: p.reason,
        score: p.moments ? JSON.stringify(figure(p.moments)) : null,
        threshold: agg.threshold,
      });
      for (const c of p.cells) {
        if (!c.moments) continue;
        rows.push({
          cycle_id: agg.cycleId,
          provider_team_id: p.providerId,
          rater_team_id: c.raterTeamId,
          rater_teams: null,
          reason: null,
          score: JSON.stringify(figure(c.moments)),
          threshold: agg.threshold,
        });
      }
    }
  }
  return rows;
}

/** Rewrites the served partner figures of the target cycles from an engine run. */
export async function storePartnerStats(trx: Transaction<Database>, result: InsightsResult, targets: ReadonlySet<string>): Promise<void> {
  await replacePartnerStats(trx, [...targets], partnerStatsRows(result, targets));
}

const toPartnerScore = (row: { score: PartnerFigure | null; rater_teams: number | null }): PartnerScore => ({
  ...row.score!,
  raterTeams: row.rater_teams!,
});

/** The partner line of a team's trends: its visible totals by cycle id. */
export async function partnerLine(db: Kysely<Database>, teamId: string): Promise<Map<string, PartnerScore>> {
  const rows = await visibleTotals(db, { providerId: teamId });
  return new Map(rows.map((r) => [r.cycle_id, toPartnerScore(r)]));
}

/** The partner column of the overview: every provider's visible total in one cycle, by team id. */
export async function partnerColumn(db: Kysely<Database>, cycleId: string): Promise<Map<string, PartnerScore>> {
  const rows = await visibleTotals(db, { cycleId });
  return new Map(rows.map((r) => [r.provider_team_id, toPartnerScore(r)]));
}

/**
 * The provider teams a respondent is asked about: the live providers of their team on the map,
 * at most three, rotated over the team's invitations (`rank`) and moved on each cycle.
 */
export async function partnersForRespondent(
  db: Kysely<Database>,
  target: { teamId: string; cycleId: string; rank: number },
): Promise<{ id: string; name: string }[]> {
  const providers = await liveProvidersOf(db, target.teamId);
  return partnersToAsk(providers, target.rank, saltOf(target.cycleId));
}

/** A stable number from a cycle id, so each month's windows start elsewhere. */
function saltOf(cycleId: string): number {
  let h = 0;
  for (const ch of cycleId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** GET /partners/matrix: providers × customers of one closed cycle (default: the latest with figures). */
export async function matrixFor(db: Kysely<Database>, settings: ThresholdSettings, cycleId?: string): Promise<MatrixResponse> {
  const threshold = await getAnonymityThreshold(db, settings);
  const cycles = await cyclesWithStats(db);
  const cycle = cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0];
  if (cycleId && !cycle) throw notFound('cycleWithResults');
  if (!cycle) return { cycle: null, cycles, threshold, providers: [], customers: [], cells: [] };
  const teams = await teamDirectory(db);
  const rows = await cycleStats(db, cycle.id);
  const ref = (id: string) => {
    const t = teams.byId.get(id)!;
    return { teamId: t.id, name: t.name, path: t.path };
  };
  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
  const providers = rows
    .filter((r) => r.rater_team_id === null)
    .map((r) => ({
      ...ref(r.provider_team_id),
      total: r.score ? { ...r.score, raterTeams: r.rater_teams! } : null,
      ...(r.reason ? { reason: partnerSuppressionMessage(r.reason, r.threshold ?? threshold) } : {}),
    }))
    .sort(byPath);
  const cells = rows
    .filter((r) => r.rater_team_id !== null)
    .map((r) => ({ providerId: r.provider_team_id, customerId: r.rater_team_id!, ...r.score! }));
  // Columns: every customer team of the rated providers on today's map, rated or not.
  const customerIds = new Set(
    (
      await listLinks(
        db,
        providers.map((p) => p.teamId),
      )
    ).map((l) => l.customer_team_id),
  );
  for (const c of cells) customerIds.add(c.customerId);
  return { cycle, cycles, threshold, providers, customers: [...customerIds].map(ref).sort(byPath), cells };
}
