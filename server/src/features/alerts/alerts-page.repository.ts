import { alertSeverityRank, type AlertStatus, type Database } from '@pulse/db';
import type { AlertLevel } from '@pulse/shared';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AlertView } from './alerts.repository.js';

/** What a page of alerts is filtered by; `teamIds` null means every team. */
export interface AlertFilter {
  statuses: readonly AlertStatus[];
  teamIds: readonly string[] | null;
  subtreeOf?: string | undefined;
  level?: AlertLevel | undefined;
  kind?: string | undefined;
}

/** Where a page ends: the sort key of its last alert. */
export interface AlertCursor {
  rank: number;
  opensAt: string;
  teamName: string;
  id: string;
}

export type AlertSort = 'severity' | 'newest';

const rankSql = alertSeverityRank('a.level');

/** The filters as SQL conditions (the level only when `withLevel`). */
function conditions(filter: AlertFilter, withLevel: boolean): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`a.status in (${sql.join([...filter.statuses])})`];
  if (filter.teamIds) where.push(filter.teamIds.length ? sql`a.team_id in (${sql.join([...filter.teamIds])})` : sql`false`);
  if (filter.subtreeOf)
    where.push(sql`a.team_id in (
      with recursive sub(id) as (select ${filter.subtreeOf}::uuid union select t.id from teams t join sub on t.parent_id = sub.id)
      select id from sub)`);
  if (filter.kind) where.push(sql`a.kind = ${filter.kind}`);
  if (withLevel && filter.level) where.push(sql`a.level = ${filter.level}`);
  return where;
}

/**
 * The sort keys, in order, with their direction. Keyset paging compares the row's keys with
 * the cursor's lexicographically, so a page never repeats or skips an alert.
 */
function sortKeys(sort: AlertSort, cursor: AlertCursor | undefined) {
  const rank = { expr: rankSql, desc: false, value: cursor?.rank };
  const opens = { expr: sql`c.opens_at`, desc: true, value: cursor ? sql`${cursor.opensAt}::timestamptz` : undefined };
  const name = { expr: sql`t.name`, desc: false, value: cursor?.teamName };
  const id = { expr: sql`a.id`, desc: false, value: cursor ? sql`${cursor.id}::uuid` : undefined };
  return sort === 'severity' ? [rank, opens, name, id] : [opens, rank, name, id];
}

function after(keys: ReturnType<typeof sortKeys>): RawBuilder<unknown> {
  const options = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k) => sql`${k.expr} = ${k.value}`);
    const beyond = key.desc ? sql`${key.expr} < ${key.value}` : sql`${key.expr} > ${key.value}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(options, sql` or `)})`;
}

/** `opens_text`: the cycle's start as PostgreSQL prints it, to the microsecond, for the cursor. */
export type PagedAlert = AlertView & { rank: number; opens_text: string };

/** One page of alerts (`limit` null: all of them) in the given order, after `cursor`. */
export async function pageOfAlerts(
  db: Kysely<Database>,
  filter: AlertFilter,
  sort: AlertSort,
  limit: number | null,
  cursor?: AlertCursor,
): Promise<PagedAlert[]> {
  const keys = sortKeys(sort, cursor);
  const where = conditions(filter, true);
  if (cursor) where.push(after(keys));
  const order = sql.join(keys.map((k) => (k.desc ? sql`${k.expr} desc` : sql`${k.expr} asc`)));
  const { rows } = await sql<PagedAlert>`
    select a.id, a.team_id, a.cycle_id, a.kind, a.level, a.status, a.summary, a.signals, a.actions, a.acknowledged_at, a.note,
      t.name as team_name, c.label as cycle_label, c.opens_at::text as opens_text, ${rankSql} as rank
    from alerts a
    join teams t on t.id = a.team_id
    join cycles c on c.id = a.cycle_id
    where ${sql.join(where, sql` and `)}
    order by ${order}
    ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
  return rows;
}

/** How many alerts match each level, with every filter but the level. */
export async function countsByLevel(db: Kysely<Database>, filter: AlertFilter): Promise<Record<AlertLevel, number>> {
  const { rows } = await sql<{ level: AlertLevel; n: number }>`
    select a.level, count(*)::int as n from alerts a where ${sql.join(conditions(filter, false), sql` and `)} group by a.level`.execute(db);
  const counts = { watch: 0, warning: 0, critical: 0 };
  for (const row of rows) counts[row.level] = row.n;
  return counts;
}
