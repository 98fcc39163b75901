import type { Database, TeamCycleStatsTable } from '@pulse/db';
import type { Publication } from '@pulse/shared/insights';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';

/** A closed cycle, oldest first, as the engine charts it. */
export interface ClosedCycle {
  id: string;
  label: string;
  opensAt: Date;
}

export async function closedCycles(db: Kysely<Database>): Promise<ClosedCycle[]> {
  return db
    .selectFrom('cycles')
    .where('status', '=', 'closed')
    .select(['id', 'label', 'opens_at as opensAt'])
    .orderBy('opens_at')
    .orderBy('id')
    .execute();
}

/**
 * Freezes the hierarchy for a closing cycle: every live team, and any archived team that was
 * invited in it, with the parent it has now.
 */
export async function snapshotTree(trx: Transaction<Database>, cycleId: string): Promise<void> {
  await sql`
    insert into cycle_tree (cycle_id, team_id, parent_id)
    select ${cycleId}, t.id, t.parent_id from teams t
    where t.archived_at is null or t.id in (select team_id from invitations where cycle_id = ${cycleId})
    on conflict do nothing`.execute(trx);
  // An invited team's archived ancestors must be in the snapshot too, or its parent is unknown.
  await sql`
    with recursive missing(id) as (
      select ct.parent_id from cycle_tree ct
      where ct.cycle_id = ${cycleId} and ct.parent_id is not null
        and not exists (select 1 from cycle_tree p where p.cycle_id = ${cycleId} and p.team_id = ct.parent_id)
      union
      select t.parent_id from teams t join missing m on t.id = m.id where t.parent_id is not null
    )
    insert into cycle_tree (cycle_id, team_id, parent_id)
    select ${cycleId}, t.id, t.parent_id from teams t where t.id in (select id from missing)
    on conflict do nothing`.execute(trx);
}

/** The frozen hierarchy of each listed cycle. */
export async function cycleTrees(db: Kysely<Database>): Promise<Map<string, { id: string; parentId: string | null }[]>> {
  const rows = await db.selectFrom('cycle_tree').select(['cycle_id', 'team_id', 'parent_id']).execute();
  const trees = new Map<string, { id: string; parentId: string | null }[]>();
  for (const r of rows) {
    let list = trees.get(r.cycle_id);
    if (!list) trees.set(r.cycle_id, (list = []));
    list.push({ id: r.team_id, parentId: r.parent_id });
  }
  return trees;
}

/** One cycle's responses with their team and the code version of their construct items, to be scored. */
export async function cycleResponses(trx: Kysely<Database>, cycleId: string) {
  return trx
    .selectFrom('responses as r')
    .innerJoin('questionnaire_versions as v', 'v.version', 'r.questionnaire_version')
    .where('r.cycle_id', '=', cycleId)
    .select(['r.team_id', 'v.core_version', 'r.answers'])
    .execute();
}

/** Invitations per team for one cycle. */
export async function invitedByTeam(trx: Kysely<Database>, cycleId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('invitations')
    .where('cycle_id', '=', cycleId)
    .groupBy('team_id')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('invited')])
    .execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.invited)]));
}

export async function replaceMoments(
  trx: Transaction<Database>,
  cycleId: string,
  rows: { teamId: string; invited: number; moments: ArrayLike<number> }[],
): Promise<void> {
  await trx.deleteFrom('team_cycle_moments').where('cycle_id', '=', cycleId).execute();
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000).map((r) => ({
      cycle_id: cycleId,
      team_id: r.teamId,
      invited: r.invited,
      moments: Array.from(r.moments),
    }));
    if (chunk.length) await trx.insertInto('team_cycle_moments').values(chunk).execute();
  }
}

/** Every stored team moment, by cycle then team. */
export async function allMoments(db: Kysely<Database>): Promise<Map<string, Map<string, { invited: number; moments: number[] }>>> {
  const rows = await db.selectFrom('team_cycle_moments').select(['cycle_id', 'team_id', 'invited', 'moments']).execute();
  const byCycle = new Map<string, Map<string, { invited: number; moments: number[] }>>();
  for (const r of rows) {
    let teams = byCycle.get(r.cycle_id);
    if (!teams) byCycle.set(r.cycle_id, (teams = new Map()));
    teams.set(r.team_id, { invited: r.invited, moments: r.moments });
  }
  return byCycle;
}

export type StatsRow = Insertable<TeamCycleStatsTable>;

/** Replaces the served figures of the given cycles. */
export async function replaceStats(trx: Transaction<Database>, cycleIds: string[], rows: StatsRow[]): Promise<void> {
  if (cycleIds.length) await trx.deleteFrom('team_cycle_stats').where('cycle_id', 'in', cycleIds).execute();
  for (let i = 0; i < rows.length; i += 1_000) {
    await trx
      .insertInto('team_cycle_stats')
      .values(rows.slice(i, i + 1_000))
      .execute();
  }
}

/** The publication ledger: each published cycle's threshold and every cell it showed, by cycle id. */
export async function publications(db: Kysely<Database>): Promise<Map<string, Publication>> {
  const out = new Map<string, { threshold: number; cells: Map<string, number> }>();
  for (const c of await db.selectFrom('published_cycles').select(['cycle_id', 'threshold']).execute()) {
    out.set(c.cycle_id, { threshold: c.threshold, cells: new Map() });
  }
  for (const c of await db.selectFrom('published_cells').select(['cycle_id', 'cell', 'n']).execute())
    out.get(c.cycle_id)!.cells.set(c.cell, c.n);
  return out;
}

/** The most recent published cycle's label and the threshold it was published at. */
export async function latestPublished(db: Kysely<Database>): Promise<{ label: string; threshold: number } | undefined> {
  return db
    .selectFrom('published_cycles as p')
    .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
    .select(['c.label', 'p.threshold'])
    .orderBy('c.opens_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The threshold a cycle was first published at; undefined before it closed (or before the ledger). */
export async function publishedThresholdOf(db: Kysely<Database>, cycleId: string): Promise<number | undefined> {
  const row = await db.selectFrom('published_cycles').select('threshold').where('cycle_id', '=', cycleId).executeTakeFirst();
  return row?.threshold;
}

/** Writes a cycle's first publication to the ledger. */
export async function recordPublication(trx: Transaction<Database>, cycleId: string, publication: Publication): Promise<void> {
  await trx.insertInto('published_cycles').values({ cycle_id: cycleId, threshold: publication.threshold }).execute();
  const rows = [...publication.cells].map(([cell, n]) => ({ cycle_id: cycleId, cell, n }));
  for (let i = 0; i < rows.length; i += 1_000)
    await trx
      .insertInto('published_cells')
      .values(rows.slice(i, i + 1_000))
      .execute();
}
