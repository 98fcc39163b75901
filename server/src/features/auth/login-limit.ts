import type { Database } from '@pulse/db';
import { sql, type Kysely } from 'kysely';

/** Password checks allowed per account in one window before answers turn to 429. */
export const ACCOUNT_LIMIT = 5;
/** Per address the bar is higher: one office may share an address, and sprays span accounts. */
export const ADDRESS_LIMIT = 20;
/** Each earlier failure on the account delays the next 401 by this much, up to MAX_DELAY_MS. */
const DELAY_STEP_MS = 100;
const MAX_DELAY_MS = 1_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

export interface Limit {
  key: string;
  max: number;
}

/** The outcome of asking for one attempt under a set of limits. */
export type Reservation =
  | { granted: true; ids: number[]; /** Attempts already in the window, per key. */ earlier: Record<string, number> }
  | { granted: false; retryAfter: number };

/**
 * Counts and decides atomically, in one statement (`reserve_login_attempt`, migration
 * 20261204T110000): under each key's lock, when every key has fewer than its `max` attempts
 * within the window, one attempt is recorded under each key and granted; otherwise nothing is
 * recorded and the answer says how many seconds until the oldest attempt that matters leaves
 * the window. Recording before the work (a password check, a mail) means that attempts still in
 * flight count too, so however many arrive at once, at most `max` proceed per window. The rows
 * live in the database, so every server instance counts the same ones.
 */
export async function reserveAttempt(db: Kysely<Database>, limits: Limit[], windowSeconds: number): Promise<Reservation> {
  const keys = limits.map((l) => l.key);
  const { rows } = await sql<{ retry_after: number; earlier: number[]; ids: string[] }>`
    select * from reserve_login_attempt(
      ${keys}::text[], ${limits.map((l) => l.max)}::integer[], make_interval(secs => ${windowSeconds}), ${new Date()}
    )`.execute(db);
  const row = rows[0]!;
  if (row.retry_after > 0) return { granted: false, retryAfter: row.retry_after };
  return {
    granted: true,
    ids: row.ids.map(Number),
    earlier: Object.fromEntries(keys.map((key, i) => [key, row.earlier[i] ?? 0])),
  };
}

/**
 * True the first time in a window that `key` is marked (under its lock), false afterwards: lets
 * a burst of refusals write one audit row per window instead of one each.
 */
export async function firstInWindow(db: Kysely<Database>, key: string, windowSeconds: number): Promise<boolean> {
  const reservation = await reserveAttempt(db, [{ key, max: 1 }], windowSeconds);
  return reservation.granted;
}

/** Gives reserved attempts back (a sign-in that succeeded does not count against the address). */
export async function releaseAttempts(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('login_failures').where('id', 'in', ids).execute();
}

/** The pause before a failed login answers: repeated failures slow down. */
export function failureDelayMs(previousFailures: number): number {
  return Math.min(previousFailures * DELAY_STEP_MS, MAX_DELAY_MS);
}

/** A successful login clears its account's count (the address keeps its own). */
export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
