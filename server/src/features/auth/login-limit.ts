import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';

/** Failures allowed in one window before answers turn to 429. */
export const ACCOUNT_LIMIT = 5;
/** Per address the bar is higher: one office may share an address, and sprays span accounts. */
export const ADDRESS_LIMIT = 20;
/** Each earlier failure on the account delays the next 401 by this much, up to MAX_DELAY_MS. */
const DELAY_STEP_MS = 100;
const MAX_DELAY_MS = 1_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

interface Limit {
  key: string;
  max: number;
}

/**
 * Seconds until a login may be tried again, or 0 when it may be tried now. Failures live in the
 * database, so every server instance counts the same ones.
 */
export async function retryAfterSeconds(db: Kysely<Database>, limits: Limit[], windowSeconds: number): Promise<number> {
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  let wait = 0;
  for (const { key, max } of limits) {
    // The failure whose expiry brings the count back under the limit.
    const rows = await db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', new Date(now - windowMs))
      .orderBy('at', 'desc')
      .limit(max)
      .execute();
    const oldest = rows[max - 1];
    if (oldest) wait = Math.max(wait, Math.ceil((oldest.at.getTime() + windowMs - now) / 1000));
  }
  return wait;
}

/** Records one failed attempt under each key and forgets all failures older than the window. */
export async function recordFailure(db: Kysely<Database>, keys: string[], windowSeconds: number): Promise<void> {
  const now = new Date();
  await db.insertInto('login_failures').values(keys.map((key) => ({ key, at: now }))).execute();
  // Every key's old failures, so addresses and accounts never seen again do not pile up.
  await db
    .deleteFrom('login_failures')
    .where('at', '<', new Date(now.getTime() - windowSeconds * 1000))
    .execute();
}

/** Recent failures on `key` (for the growing delay). */
export async function recentFailures(db: Kysely<Database>, key: string, windowSeconds: number): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', new Date(Date.now() - windowSeconds * 1000))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The pause before a failed login answers: repeated failures slow down. */
export function failureDelayMs(previousFailures: number): number {
  return Math.min(previousFailures * DELAY_STEP_MS, MAX_DELAY_MS);
}

/** A successful login clears its account's count (the address keeps its own). */
export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
