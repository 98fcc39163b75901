import { containsPattern, type Database, type Role, type UserRow } from '@pulse/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface MemberQuery {
  q?: string | undefined;
  teamIds?: ReadonlySet<string> | undefined;
  includeInactive: boolean;
  limit?: number | undefined;
}

function filtered(db: Kysely<Database>, query: MemberQuery) {
  let q = db.selectFrom('users');
  if (!query.includeInactive) q = q.where('active', '=', true);
  if (query.teamIds) q = q.where('team_id', 'in', [...query.teamIds]);
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) => eb.or([eb(sql`lower(name)`, 'like', pattern), eb(sql`lower(email)`, 'like', pattern)]));
  }
  return q;
}

/** Matching users sorted by name, and how many match in all. */
export async function listMembers(db: Kysely<Database>, query: MemberQuery): Promise<{ rows: UserRow[]; total: number }> {
  if (query.teamIds?.size === 0) return { rows: [], total: 0 };
  let rowsQuery = filtered(db, query)
    .selectAll()
    .orderBy(sql`lower(name)`)
    .orderBy('id');
  if (query.limit !== undefined) rowsQuery = rowsQuery.limit(query.limit);
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    filtered(db, query)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type ExistingUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'team_id' | 'active' | 'language'>;

/** Every user keyed by lower-case email, for one import. */
export async function usersByEmail(trx: Kysely<Database>): Promise<Map<string, ExistingUser>> {
  const rows = await trx.selectFrom('users').select(['id', 'email', 'name', 'role', 'team_id', 'active', 'language']).execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r]));
}

export interface LiveTeam {
  id: string;
  name: string;
  parent_id: string | null;
}

export function liveTeams(trx: Transaction<Database>): Promise<LiveTeam[]> {
  return trx.selectFrom('teams').select(['id', 'name', 'parent_id']).where('archived_at', 'is', null).execute();
}

export async function insertTeam(trx: Transaction<Database>, name: string, parentId: string | null): Promise<string> {
  const row = await trx.insertInto('teams').values({ name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  language: string | null;
}

/** Inserts many users in one statement; returns their ids in lower-case email order of the input. */
export async function insertMembers(trx: Transaction<Database>, members: NewMember[]): Promise<Map<string, string>> {
  if (!members.length) return new Map();
  const { rows } = await sql<{ id: string; email: string }>`
    insert into users (email, name, role, team_id, language)
    select x.email, x.name, x.role, x.team_id, x.language
    from json_to_recordset(${JSON.stringify(members)}::json) as x(email text, name text, role text, team_id uuid, language text)
    returning id, email`.execute(trx);
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

export interface MemberUpdate {
  id: string;
  name: string;
  role: Role;
  team_id: string | null;
  language: string | null;
}

/** Updates many users in one statement and makes them active. */
export async function updateMembers(trx: Transaction<Database>, updates: MemberUpdate[]): Promise<void> {
  if (!updates.length) return;
  await sql`
    update users u set name = x.name, role = x.role, team_id = x.team_id, language = x.language, active = true
    from json_to_recordset(${JSON.stringify(updates)}::json) as x(id uuid, name text, role text, team_id uuid, language text)
    where u.id = x.id`.execute(trx);
}

/** Active members and leaders that are not in `keep` (and not `exceptId`): deactivated, history kept. */
export async function deactivateMissing(trx: Transaction<Database>, keep: readonly string[], exceptId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update users set active = false
    where active and role in ('member', 'leader') and id <> ${exceptId}
      and id not in (select value::uuid from json_array_elements_text(${JSON.stringify(keep)}::json))
    returning id`.execute(trx);
  return rows.map((r) => r.id);
}

/** Leader links for (team, user) pairs that are missing. */
export async function addLeaders(trx: Transaction<Database>, pairs: { team_id: string; user_id: string }[]): Promise<void> {
  if (!pairs.length) return;
  await sql`
    insert into team_leaders (team_id, user_id)
    select x.team_id, x.user_id from json_to_recordset(${JSON.stringify(pairs)}::json) as x(team_id uuid, user_id uuid)
    on conflict do nothing`.execute(trx);
}

/** Team leadership ends with the leader role. */
export async function removeLeadershipOf(trx: Transaction<Database>, userIds: readonly string[]): Promise<void> {
  if (!userIds.length) return;
  await trx
    .deleteFrom('team_leaders')
    .where('user_id', 'in', [...userIds])
    .execute();
}

export async function endSessionsOf(trx: Transaction<Database>, userIds: readonly string[]): Promise<void> {
  if (!userIds.length) return;
  await sql`delete from sessions where user_id in (select value::uuid from json_array_elements_text(${JSON.stringify(userIds)}::json))`.execute(
    trx,
  );
}
