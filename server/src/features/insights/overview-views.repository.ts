import { alertSeverityRank, containsPattern, type Database } from '@pulse/db';
import { alertLevels, type AlertLevel } from '@pulse/shared';
import { sql, type Kysely } from 'kysely';
import type { StatsView } from './insights-read.repository.js';

/**
 * The paged overview's queries. Each view first picks the ids of the teams it shows (a handful
 * of index lookups or one cycle's rows), then `cellsOf` reads exactly those teams' stored cells:
 * the same rows the whole overview serves, so no view can show a cell the others hide.
 * `scope` null means every team; otherwise only these ids qualify.
 */
type Scope = readonly string[] | null;

/** `column in (ids)`, false for no ids (one parameter per id: both drivers take them alike). */
const isOneOf = (column: string, ids: readonly string[]) =>
  ids.length === 0 ? sql`false` : sql`${sql.ref(column)} in (${sql.join([...ids])})`;
const inScopeSql = (column: string, scope: Scope) => (scope === null ? sql`true` : isOneOf(column, scope));

/**
 * The team `t` has a cell in the cycle: an index lookup per team (team_cycle_stats_team_idx), so
 * the query starts from the teams it picks, never from the cycle's 5,000 cells.
 */
const hasCell = (cycleId: string) => sql`exists (select 1 from team_cycle_stats s where s.team_id = t.id and s.cycle_id = ${cycleId})`;

/** A stored cell with its team's name, parent and how many sub-teams have a cell in that cycle. */
export interface CellRow extends StatsView {
  team_id: string;
  name: string;
  parent_id: string | null;
  child_count: number;
}

export async function cellsOf(db: Kysely<Database>, cycleId: string, teamIds: readonly string[]): Promise<CellRow[]> {
  if (teamIds.length === 0) return [];
  const { rows } = await sql<CellRow>`
    select s.cycle_id, s.team_id, c.label, c.opens_at, s.invited, s.responded, s.suppressed, s.reason, s.scores,
      s.fortress_index, s.alignment, s.enps, s.custom_items, s.threshold, t.name, t.parent_id,
      (select count(*)::int from teams k where k.parent_id = t.id
        and exists (select 1 from team_cycle_stats ks where ks.team_id = k.id and ks.cycle_id = s.cycle_id)) as child_count
    from team_cycle_stats s
    join cycles c on c.id = s.cycle_id
    join teams t on t.id = s.team_id
    where s.cycle_id = ${cycleId} and ${isOneOf('s.team_id', teamIds)}`.execute(db);
  return rows;
}

/** Each team's slash-separated path and depth (0 at the top), from its line of ancestors only. */
export async function pathsOf(db: Kysely<Database>, teamIds: readonly string[]): Promise<Map<string, { path: string; depth: number }>> {
  if (teamIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; path: string; depth: number }>`
    with recursive up(start, id, parent_id, name, depth) as (
      select id, id, parent_id, name, 0 from teams where ${isOneOf('id', teamIds)}
      union all
      select u.start, t.id, t.parent_id, t.name, u.depth + 1 from teams t join up u on t.id = u.parent_id
    )
    select start as id, string_agg(name, '/' order by depth desc) as path, max(depth)::int as depth from up group by start`.execute(db);
  return new Map(rows.map((r) => [r.id, { path: r.path, depth: r.depth }]));
}

/** The highest level of each of these teams' unresolved alerts. */
export async function alertLevelsOf(db: Kysely<Database>, teamIds: readonly string[]): Promise<Map<string, AlertLevel>> {
  if (teamIds.length === 0) return new Map();
  const { rows } = await sql<{ team_id: string; level: AlertLevel }>`
    select distinct on (team_id) team_id, level from alerts
    where status in ('open', 'acknowledged') and ${isOneOf('team_id', teamIds)}
    order by team_id, ${alertSeverityRank('level')}`.execute(db);
  return new Map(rows.map((r) => [r.team_id, r.level]));
}

/** The teams at the top of a scope: without a parent, or whose parent lies outside the scope. */
export async function scopeRoots(db: Kysely<Database>, scope: Scope): Promise<string[]> {
  if (scope === null) return (await db.selectFrom('teams').where('parent_id', 'is', null).select('id').execute()).map((r) => r.id);
  const { rows } = await sql<{ id: string }>`
    select id from teams where ${isOneOf('id', scope)}
      and (parent_id is null or not ${isOneOf('parent_id', scope)})`.execute(db);
  return rows.map((r) => r.id);
}

/** The sub-teams of these teams that have a cell in the cycle (through `teams_parent_idx`, then one lookup each). */
export async function childrenWithCells(db: Kysely<Database>, cycleId: string, parentIds: readonly string[]): Promise<string[]> {
  if (parentIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    select t.id from teams t
    where ${isOneOf('t.parent_id', parentIds)} and ${hasCell(cycleId)}`.execute(db);
  return rows.map((r) => r.id);
}

/** Teams with a cell in the cycle whose name contains `q` (any case), by name. */
export async function searchTeams(db: Kysely<Database>, cycleId: string, q: string, limit: number, scope: Scope): Promise<string[]> {
  const pattern = containsPattern(q);
  const { rows } = await sql<{ id: string }>`
    select t.id from teams t
    where t.name ilike ${pattern} and ${inScopeSql('t.id', scope)} and ${hasCell(cycleId)}
    order by t.name, t.id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Fortress watch: teams with an unresolved alert or a fortress index ≥ `minIndex`, by level,
 * then index, highest first. The candidates come from the unresolved alerts and from the
 * cycle's high-index cells (`team_cycle_stats_fortress_idx`), never from every cell.
 */
export async function fortressWatchIds(
  db: Kysely<Database>,
  cycleId: string,
  limit: number,
  scope: Scope,
  minIndex = 20,
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with levels as (
      select team_id, min(${alertSeverityRank('level')}) as rank
      from alerts where status in ('open', 'acknowledged') group by team_id
    ),
    candidates as (
      select team_id from levels
      union
      select team_id from team_cycle_stats where cycle_id = ${cycleId} and fortress_index >= ${minIndex}
    )
    select s.team_id as id from candidates c
    join team_cycle_stats s on s.team_id = c.team_id and s.cycle_id = ${cycleId}
    join teams t on t.id = s.team_id
    left join levels l on l.team_id = s.team_id
    where ${inScopeSql('s.team_id', scope)}
    order by coalesce(l.rank, ${sql.lit(alertLevels.length)}), s.fortress_index desc nulls last, t.name, t.id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** Lowest participation: teams invited in the cycle, lowest response rate first. */
export async function lowestParticipationIds(db: Kysely<Database>, cycleId: string, limit: number, scope: Scope): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select s.team_id as id from team_cycle_stats s
    join teams t on t.id = s.team_id
    where s.cycle_id = ${cycleId} and s.invited > 0 and ${inScopeSql('s.team_id', scope)}
    order by s.responded::float8 / s.invited, t.name, t.id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
