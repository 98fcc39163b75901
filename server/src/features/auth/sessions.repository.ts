import type { Database, Role } from '@pulse/db';
import type { Kysely } from 'kysely';

export interface SessionUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
  last_seen_at: Date;
}

/** Stores a new session under the hash of its token. */
export async function insertSession(db: Kysely<Database>, idHash: string, userId: string): Promise<void> {
  await db.insertInto('sessions').values({ id_hash: idHash, user_id: userId }).execute();
}

/** The session's active user and timestamps, or undefined. */
export async function findSession(db: Kysely<Database>, idHash: string): Promise<SessionUserRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'sessions.created_at', 'sessions.last_seen_at'])
    .where('sessions.id_hash', '=', idHash)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (password change, deactivation, role change). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Forgets sessions past their idle or absolute expiry (run at each sign-in, so the table stays small). */
export async function deleteExpiredSessions(db: Kysely<Database>, idleSince: Date, createdBefore: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleSince), eb('created_at', '<', createdBefore)]))
    .execute();
}
