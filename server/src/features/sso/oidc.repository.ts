import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

/** How long a sign-in started at the provider may take to come back. */
export const LOGIN_TTL_SECONDS = 600;

export interface PendingLogin {
  state: string;
  nonce: string;
  code_verifier: string;
  next: string | null;
}

/** Stores a started sign-in under the hash of its browser cookie; forgets expired ones. */
export async function insertPendingLogin(db: Kysely<Database>, idHash: string, login: PendingLogin): Promise<void> {
  await db
    .deleteFrom('oidc_logins')
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${LOGIN_TTL_SECONDS})`)
    .execute();
  await db
    .insertInto('oidc_logins')
    .values({ id_hash: idHash, ...login })
    .execute();
}

/** The started sign-in, removed so it can be used once; undefined when unknown or expired. */
export async function takePendingLogin(db: Kysely<Database>, idHash: string): Promise<PendingLogin | undefined> {
  const row = await db
    .deleteFrom('oidc_logins')
    .where('id_hash', '=', idHash)
    .returning(['state', 'nonce', 'code_verifier', 'next', 'created_at'])
    .executeTakeFirst();
  if (!row || Date.now() - row.created_at.getTime() > LOGIN_TTL_SECONDS * 1000) return undefined;
  return { state: row.state, nonce: row.nonce, code_verifier: row.code_verifier, next: row.next };
}
