import type { Database, UserRow } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

export type ScimUserRow = Pick<UserRow, 'id' | 'email' | 'name' | 'active' | 'external_id' | 'created_at' | 'team_id'>;
const USER_COLUMNS = ['id', 'email', 'name', 'active', 'external_id', 'created_at', 'team_id'] as const;

export interface TeamRowLite {
  id: string;
  name: string;
  created_at: Date;
}

// ---- tokens

export async function insertScimToken(db: Kysely<Database>, name: string, tokenHash: string, createdBy: string): Promise<string> {
  const row = await db
    .insertInto('scim_tokens')
    .values({ name, token_hash: tokenHash, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes the token; its name, or undefined when there was none. */
export async function deleteScimToken(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.deleteFrom('scim_tokens').where('id', '=', id).returning('name').executeTakeFirst();
  return row?.name;
}

/** The token with this hash, marked used. */
export async function useScimToken(db: Kysely<Database>, tokenHash: string): Promise<{ id: string; name: string } | undefined> {
  return db
    .updateTable('scim_tokens')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

// ---- users

export interface UserFilter {
  email?: string;
  externalId?: string;
}

function usersWhere(db: Kysely<Database>, filter: UserFilter) {
  let q = db.selectFrom('users');
  if (filter.email !== undefined) q = q.where(sql<string>`lower(email)`, '=', filter.email.trim().toLowerCase());
  if (filter.externalId !== undefined) q = q.where('external_id', '=', filter.externalId);
  return q;
}

export async function listScimUsers(
  db: Kysely<Database>,
  filter: UserFilter,
  offset: number,
  limit: number,
): Promise<{ rows: ScimUserRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    limit > 0 ? usersWhere(db, filter).select(USER_COLUMNS).orderBy('created_at').orderBy('id').offset(offset).limit(limit).execute() : [],
    usersWhere(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findScimUser(db: Kysely<Database>, id: string): Promise<ScimUserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertScimUser(
  db: Kysely<Database>,
  values: { email: string; name: string; active: boolean; external_id: string | null },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ ...values, role: 'member', team_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateScimUser(
  db: Kysely<Database>,
  id: string,
  changes: { email?: string; name?: string; active?: boolean; external_id?: string | null },
): Promise<void> {
  if (Object.keys(changes).length) await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Ends every session of the person (deactivation, as the CSV import's does). */
export async function endSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Which of `ids` are users (unknown ids are left out). */
export async function existingUserIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

// ---- groups (live teams)

export function findLiveTeam(db: Kysely<Database>, id: string): Promise<TeamRowLite | undefined> {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'created_at'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

function teamsWhere(db: Kysely<Database>, displayName: string | undefined) {
  let q = db.selectFrom('teams').where('archived_at', 'is', null);
  if (displayName !== undefined) q = q.where(sql<string>`lower(name)`, '=', displayName.trim().toLowerCase());
  return q;
}

export async function listLiveTeams(db: Kysely<Database>, displayName: string | undefined, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    limit > 0
      ? teamsWhere(db, displayName)
          .select(['id', 'name', 'created_at'])
          .orderBy('created_at')
          .orderBy('id')
          .offset(offset)
          .limit(limit)
          .execute()
      : [],
    teamsWhere(db, displayName)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TeamRowLite[], total: Number(count.n) };
}

export async function insertTopTeam(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db.insertInto('teams').values({ name, parent_id: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function renameTeam(db: Kysely<Database>, id: string, name: string): Promise<void> {
  await db.updateTable('teams').set({ name }).where('id', '=', id).execute();
}

/** The team is archived (its history stays) and its members belong to no team. */
export async function archiveTeam(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ team_id: null }).where('team_id', '=', id).execute();
    await trx.updateTable('teams').set({ archived_at: new Date() }).where('id', '=', id).execute();
  });
}

/** Members of the team (people whose team it is). */
export function teamMembers(db: Kysely<Database>, teamId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('users').select(['id', 'name']).where('team_id', '=', teamId).orderBy('name').orderBy('id').execute();
}

/** Puts these people in the team (a person is in one team: this moves them). */
export async function addTeamMembers(db: Kysely<Database>, teamId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length)
    await db
      .updateTable('users')
      .set({ team_id: teamId })
      .where('id', 'in', [...userIds])
      .execute();
}

/** Takes these people (or, with `null`, everyone) out of the team. */
export async function removeTeamMembers(db: Kysely<Database>, teamId: string, userIds: readonly string[] | null): Promise<void> {
  let q = db.updateTable('users').set({ team_id: null }).where('team_id', '=', teamId);
  if (userIds) {
    if (!userIds.length) return;
    q = q.where('id', 'in', [...userIds]);
  }
  await q.execute();
}
