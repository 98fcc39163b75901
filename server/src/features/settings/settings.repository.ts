import type { Database } from '@pulse/db';
import type { Kysely, Transaction } from 'kysely';

export async function readSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/**
 * Reads a setting with its row locked until the transaction ends (the row is created empty if
 * missing, so there is one to lock): callers that decide from it run one after another.
 */
export async function lockSetting(trx: Transaction<Database>, key: string): Promise<unknown> {
  await trx
    .insertInto('settings')
    .values({ key, value: JSON.stringify(null) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await trx.selectFrom('settings').select('value').where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
  return row.value;
}
