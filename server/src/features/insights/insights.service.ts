import type { Database } from '@pulse/db';
import {
  cellScores,
  directMoments,
  ORGANISATION_ID,
  scoreResponse,
  unpublished,
  type InsightsResult,
  type TrendPoint,
  type Publication,
} from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import {
  allMoments,
  closedCycles,
  cycleResponses,
  cycleTrees,
  invitedByTeam,
  latestPublished,
  publications,
  publishedThresholdOf,
  recordPublication,
  replaceMoments,
  replaceStats,
  snapshotTree,
  type ClosedCycle,
  type StatsRow,
} from './insights.repository.js';

/**
 * At close (features/close): freezes the cycle's hierarchy and turns its answers into each
 * team's direct moments.
 */
export async function storeTeamMoments(trx: Transaction<Database>, cycleId: string): Promise<void> {
  await snapshotTree(trx, cycleId);
  const invited = await invitedByTeam(trx, cycleId);
  const responses = new Map<string, ReturnType<typeof scoreResponse>[]>();
  for (const r of await cycleResponses(trx, cycleId)) {
    let list = responses.get(r.team_id);
    if (!list) responses.set(r.team_id, (list = []));
    list.push(scoreResponse(r.core_version, r.answers));
  }
  await replaceMoments(
    trx,
    cycleId,
    [...invited].map(([teamId, count]) => ({ teamId, invited: count, moments: directMoments(responses.get(teamId) ?? []) })),
  );
}

/** What the engine needs of every closed cycle from this feature: frozen trees, team moments, publications. */
export interface ClosedHistory {
  cycles: ClosedCycle[];
  trees: Awaited<ReturnType<typeof cycleTrees>>;
  moments: Awaited<ReturnType<typeof allMoments>>;
  ledger: Map<string, Publication>;
}

export async function closedHistory(db: Kysely<Database>): Promise<ClosedHistory> {
  const cycles = await closedCycles(db);
  const trees = await cycleTrees(db);
  const moments = await allMoments(db);
  const ledger = await publications(db);
  return { cycles, trees, moments, ledger };
}

/**
 * Rewrites the served team figures of the `targets` cycles from the engine's result, keeping
 * the publication ledger: a cycle's figures stored for the first time are its publication.
 */
export async function storeFigures(
  trx: Transaction<Database>,
  result: InsightsResult,
  ledger: ReadonlyMap<string, Publication>,
  targets: ReadonlySet<string>,
): Promise<void> {
  await keepLedger(trx, result, ledger, targets);
  await replaceStats(trx, [...targets], statsRows(result, targets));
}

/** The engine's decisions per team and cycle as rows to serve: figures of visible cells, reasons of hidden ones. */
function statsRows(result: InsightsResult, targets: ReadonlySet<string>): StatsRow[] {
  const fortress = new Map<string, number>();
  for (const points of result.drift.values()) {
    for (const d of points) if (d.fortressIndex !== undefined) fortress.set(`${d.teamId}|${d.cycleId}`, d.fortressIndex);
  }
  const alignmentByCell = new Map<string, unknown>();
  const pointByCell = new Map<string, TrendPoint>();
  for (const [teamId, points] of result.trends) {
    for (const p of points) {
      if (p.alignment) alignmentByCell.set(`${teamId}|${p.cycleId}`, p.alignment);
      pointByCell.set(`${teamId}|${p.cycleId}`, p);
    }
  }
  const rows: StatsRow[] = [];
  for (const agg of result.aggregates) {
    if (!targets.has(agg.cycleId)) continue;
    agg.tree.ids.forEach((teamId, node) => {
      const cell = cellScores(agg, node);
      const aligned = alignmentByCell.get(`${teamId}|${agg.cycleId}`);
      const point = pointByCell.get(`${teamId}|${agg.cycleId}`);
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
        enps: point?.enps ? JSON.stringify(point.enps) : null,
        custom_items: point?.customItems ? JSON.stringify(point.customItems) : null,
        threshold: agg.suppression.threshold,
      });
    });
  }
  return rows;
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

/** The threshold `cycleId` was first published at, if it has been (the publication ledger). */
export const publishedThreshold = (db: Kysely<Database>, cycleId: string): Promise<number | undefined> => publishedThresholdOf(db, cycleId);
