import type { Database, TeamRow } from '@pulse/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface TeamListRow {
  id: string;
  name: string;
  parent_id: string | null;
  archived_at: Date | null;
  leader_ids: string[];
  member_count: number;
}

/** Teams with their leaders and active member counts, optionally limited to `ids`. */
export function listTeams(
  db: Kysely<Database>,
  options: { includeArchived: boolean; ids?: ReadonlySet<string> | undefined },
): Promise<TeamListRow[]> {
  let q = db
    .selectFrom('teams as t')
    .select([
      't.id',
      't.name',
      't.parent_id',
      't.archived_at',
      sql<
        string[]
      >`(select coalesce(json_agg(tl.user_id order by tl.user_id), '[]'::json) from team_leaders tl where tl.team_id = t.id)`.as(
        'leader_ids',
      ),
      sql<number>`(select count(*)::int from users u where u.team_id = t.id and u.active)`.as('member_count'),
    ])
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id');
  if (!options.includeArchived) q = q.where('t.archived_at', 'is', null);
  if (options.ids) {
    if (options.ids.size === 0) return Promise.resolve([]);
    q = q.where('t.id', 'in', [...options.ids]);
  }
  return q.execute();
}

export function findTeam(db: Kysely<Database>, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live sibling with the same name (case-insensitive), other than `exceptId`. */
export function findLiveSibling(db: Kysely<Database>, parentId: string | null, name: string, exceptId?: string) {
  let q = db
    .selectFrom('teams')
    .select('id')
    .where('archived_at', 'is', null)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertTeam(db: Kysely<Database>, name: string, parentId: string | null): Promise<string> {
  const row = await db.insertInto('teams').values({ name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTeam(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; parent_id?: string | null; archived_at?: Date | null },
): Promise<void> {
  await db.updateTable('teams').set(changes).where('id', '=', id).execute();
}

/** The team itself and every team beneath it, archived ones included. */
export async function subtreeIds(db: Kysely<Database>, id: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    with recursive sub(id) as (
      select ${id}::uuid
      union
      select t.id from teams t join sub on t.parent_id = sub.id
    )
    select id from sub`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** True when a team has live sub-teams. */
export async function hasLiveChildren(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('teams').select('id').where('parent_id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** What keeps a team from being deleted: sub-teams, members (past or present), cycles, invitations or responses. */
export async function teamHistory(db: Kysely<Database>, id: string): Promise<string[]> {
  const { rows } = await sql<{ what: string }>`
    select 'sub-teams' as what where exists (select 1 from teams where parent_id = ${id})
    union all select 'members' where exists (select 1 from users where team_id = ${id})
    union all select 'cycles' where exists (select 1 from cycle_teams where team_id = ${id})
    union all select 'invitations' where exists (select 1 from invitations where team_id = ${id})
    union all select 'responses' where exists (select 1 from responses where team_id = ${id})`.execute(db);
  return rows.map((r) => r.what);
}

export async function deleteTeam(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', id).execute();
}

/** Replaces a team's leaders. */
export async function setLeaders(trx: Transaction<Database>, teamId: string, userIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('team_leaders').where('team_id', '=', teamId).execute();
  if (userIds.length)
    await trx
      .insertInto('team_leaders')
      .values(userIds.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
}

/** The subset of `ids` that are active users with the leader role. */
export async function activeLeaderIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('role', '=', 'leader')
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}
