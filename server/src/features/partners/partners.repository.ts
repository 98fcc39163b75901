import type { Database } from '@pulse/db';
import type { PartnerCellInput } from '@pulse/shared/insights';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { PartnerCycleStatsTable } from '@pulse/db';

/** One cycle's stored partner ratings, to be turned into moments when it closes. */
export async function cycleRatings(trx: Kysely<Database>, cycleId: string) {
  return trx
    .selectFrom('partner_ratings')
    .where('cycle_id', '=', cycleId)
    .select(['provider_team_id', 'rater_team_id', 'answers'])
    .execute();
}

export async function replacePartnerMoments(
  trx: Transaction<Database>,
  cycleId: string,
  cells: readonly PartnerCellInput[],
): Promise<void> {
  await trx.deleteFrom('partner_cycle_moments').where('cycle_id', '=', cycleId).execute();
  const rows = cells.map((c) => ({
    cycle_id: cycleId,
    provider_team_id: c.providerId,
    rater_team_id: c.raterTeamId,
    n: c.moments.n,
    mean: c.moments.mean,
    m2: c.moments.m2,
  }));
  for (let i = 0; i < rows.length; i += 1_000)
    await trx
      .insertInto('partner_cycle_moments')
      .values(rows.slice(i, i + 1_000))
      .execute();
}

/** Every cycle's partner moments, as the engine takes them. */
export async function allPartnerMoments(db: Kysely<Database>): Promise<Map<string, PartnerCellInput[]>> {
  const rows = await db.selectFrom('partner_cycle_moments').selectAll().execute();
  const byCycle = new Map<string, PartnerCellInput[]>();
  for (const r of rows) {
    let list = byCycle.get(r.cycle_id);
    if (!list) byCycle.set(r.cycle_id, (list = []));
    list.push({ providerId: r.provider_team_id, raterTeamId: r.rater_team_id, moments: { n: r.n, mean: r.mean, m2: r.m2 } });
  }
  return byCycle;
}

export type PartnerStatsRow = Insertable<PartnerCycleStatsTable>;

/** Replaces the served partner figures of the given cycles. */
export async function replacePartnerStats(
  trx: Transaction<Database>,
  cycleIds: readonly string[],
  rows: readonly PartnerStatsRow[],
): Promise<void> {
  if (cycleIds.length)
    await trx
      .deleteFrom('partner_cycle_stats')
      .where('cycle_id', 'in', [...cycleIds])
      .execute();
  for (let i = 0; i < rows.length; i += 1_000)
    await trx
      .insertInto('partner_cycle_stats')
      .values(rows.slice(i, i + 1_000))
      .execute();
}

/** Visible partner totals: of one provider in every cycle, or of every provider in one cycle. */
export async function visibleTotals(db: Kysely<Database>, of: { providerId: string } | { cycleId: string }) {
  const query = db.selectFrom('partner_cycle_stats').where('rater_team_id', 'is', null).where('score', 'is not', null);
  return ('providerId' in of ? query.where('provider_team_id', '=', of.providerId) : query.where('cycle_id', '=', of.cycleId))
    .select(['cycle_id', 'provider_team_id', 'score', 'rater_teams'])
    .execute();
}

/** Every served partner row of one cycle. */
export async function cycleStats(db: Kysely<Database>, cycleId: string) {
  return db.selectFrom('partner_cycle_stats').where('cycle_id', '=', cycleId).selectAll().execute();
}
