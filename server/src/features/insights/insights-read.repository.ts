import { alertSeverityRank, type Database } from '@pulse/db';
import type { AlertLevel } from '@pulse/shared';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { TeamNode } from '../teams/team-paths.js';

/** Every team, archived ones included (history stays readable). */
export async function allTeams(db: Kysely<Database>): Promise<TeamNode[]> {
  return db.selectFrom('teams').select(['id', 'name', 'parent_id']).orderBy('name').execute();
}

/** A team and its ancestors, archived ones included: enough for its path, without the whole tree. */
export async function teamLineage(db: Kysely<Database>, id: string): Promise<TeamNode[]> {
  const { rows } = await sql<TeamNode>`
    with recursive lineage(id, name, parent_id) as (
      select id, name, parent_id from teams where id = ${id}
      union all
      select t.id, t.name, t.parent_id from teams t join lineage l on t.id = l.parent_id
    )
    select id, name, parent_id from lineage`.execute(db);
  return rows;
}

export async function teamExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').where('id', '=', id).select('id').executeTakeFirst()) !== undefined;
}

type StoredCell = Selectable<Database['team_cycle_stats']>;

/** A stored cell with its cycle's label and opening (the threshold: its decision's, null before the ledger). */
export type StatsView = Pick<
  StoredCell,
  'cycle_id' | 'team_id' | 'invited' | 'responded' | 'suppressed' | 'reason' | 'scores' | 'fortress_index' | 'threshold'
> & {
  label: string;
  opens_at: Date;
  alignment?: StoredCell['alignment'];
  enps?: StoredCell['enps'];
  custom_items?: StoredCell['custom_items'];
};

const statsColumns = [
  's.cycle_id',
  's.team_id',
  'c.label',
  'c.opens_at',
  's.invited',
  's.responded',
  's.suppressed',
  's.reason',
  's.scores',
  's.fortress_index',
  's.alignment',
  's.enps',
  's.custom_items',
  's.threshold',
] as const;

/** One subtree's served figures across cycles, oldest first; `teamId` null: the organisation. */
export async function statsForTeam(
  db: Kysely<Database>,
  teamId: string | null,
  range: { from?: Date | undefined; to?: Date | undefined },
): Promise<StatsView[]> {
  let query = db
    .selectFrom('team_cycle_stats as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .select(statsColumns)
    .where((eb) => (teamId === null ? eb('s.team_id', 'is', null) : eb('s.team_id', '=', teamId)));
  if (range.from) query = query.where('c.opens_at', '>=', range.from);
  if (range.to) query = query.where('c.opens_at', '<=', range.to);
  return query.orderBy('c.opens_at').execute();
}

/** Every subtree's served figures for one cycle, the organisation's included. */
export async function statsForCycle(db: Kysely<Database>, cycleId: string): Promise<StatsView[]> {
  return db
    .selectFrom('team_cycle_stats as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .select(statsColumns)
    .where('s.cycle_id', '=', cycleId)
    .execute();
}

/** Closed cycles with figures, newest first. */
export async function cyclesWithStats(db: Kysely<Database>): Promise<{ id: string; label: string }[]> {
  return db
    .selectFrom('cycles')
    .where('status', '=', 'closed')
    .where((eb) => eb.exists(eb.selectFrom('team_cycle_stats as s').whereRef('s.cycle_id', '=', 'cycles.id').select('s.cycle_id')))
    .select(['id', 'label'])
    .orderBy('opens_at', 'desc')
    .execute();
}

/** The highest level of each team's unresolved alerts. */
export async function activeAlertLevels(db: Kysely<Database>): Promise<Map<string, AlertLevel>> {
  const rows = await sql<{ team_id: string; level: AlertLevel }>`
    select distinct on (team_id) team_id, level from alerts
    where status <> 'resolved'
    order by team_id, ${alertSeverityRank('level')}`.execute(db);
  return new Map(rows.rows.map((r) => [r.team_id, r.level]));
}
