import type { Database } from '@pulse/db';
import type { Kysely, Transaction } from 'kysely';

export type TokenPurpose = 'invite' | 'reset';

/** Stores a one-time token's hash, replacing the user's earlier unused ones of the same purpose. */
export async function replaceToken(
  db: Kysely<Database>,
  values: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('user_tokens')
      .where('user_id', '=', values.userId)
      .where('purpose', '=', values.purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('user_tokens')
      .values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt })
      .execute();
  });
}

/** A token with its user. */
export function findToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('user_tokens')
    .innerJoin('users', 'users.id', 'user_tokens.user_id')
    .select([
      'user_tokens.token_hash',
      'user_tokens.purpose',
      'user_tokens.expires_at',
      'user_tokens.used_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.role',
      'users.active',
    ])
    .where('user_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the token used, unless it already was; true when this call used it. */
export async function useToken(trx: Transaction<Database>, tokenHash: string): Promise<boolean> {
  const result = await trx
    .updateTable('user_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setPasswordHash(trx: Transaction<Database>, userId: string, hash: string): Promise<void> {
  await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
  // A new password ends every session started with the old one.
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
