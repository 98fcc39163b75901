import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@pulse/server/features/auth/password';
import { createUser, TEST_PASSWORD } from '../support/auth.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Sign-in limits under parallel attempts: the limit is decided in the database, atomically, so
 * no more password checks run in a window than the limit allows, however many arrive at once.
 */
describe(`sign-in limits under parallel attempts (${backend})`, { timeout: 120_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_WINDOW_SECONDS: '600' });
    // Open the pool's connections first: on a busy machine, opening ten at once for the first
    // burst can outlast the 1.5 s a request waits for one (a 503, not a password check).
    await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(t.app.db)));
  });
  afterAll(() => t.close());
  beforeEach(() => t.truncate());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin: t.config.publicUrl }, payload: { email, password } });
  const statuses = async (attempts: Array<[string, string]>) => {
    const responses = await Promise.all(attempts.map(([email, password]) => login(email, password)));
    // A 503 is load shedding on a busy machine (no connection free within 1.5 s): nothing checked.
    const odd = responses.find((r) => ![200, 401, 429, 503].includes(r.statusCode));
    if (odd) throw new Error(`unexpected ${odd.statusCode}: ${odd.body}`);
    return responses.map((r) => r.statusCode);
  };
  /** Password checks the database let through under `key` (each leaves its attempt recorded). */
  const checksUnder = async (key: string) =>
    (await t.app.db.selectFrom('login_failures').select('id').where('key', '=', key).execute()).length;
  const count = (list: number[], status: number) => list.filter((s) => s === status).length;

  it('checks at most 5 of 40 parallel wrong passwords for one account; the rest are refused unchecked', async () => {
    const user = await createUser(t.app, { role: 'hr' });
    const result = await statuses(Array.from({ length: 40 }, (_, i) => [user.email, `wrong password ${i}`]));
    expect(await checksUnder(`account:${user.email}`)).toBe(5);
    expect(count(result, 401)).toBeLessThanOrEqual(5);
    expect(count(result, 429) + count(result, 503)).toBeGreaterThanOrEqual(35);
    // The right password is refused for the rest of the window.
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('checks at most 5 passwords in a burst of 24 wrong plus the right one', async () => {
    const user = await createUser(t.app, { role: 'hr' });
    const attempts: Array<[string, string]> = Array.from({ length: 24 }, (_, i) => [user.email, `wrong password ${i}`]);
    attempts.push([user.email, TEST_PASSWORD]);
    const result = await statuses(attempts);
    // Every 200 or 401 is a password that was checked.
    expect(count(result, 200) + count(result, 401)).toBeLessThanOrEqual(5);
    expect(count(result, 429) + count(result, 503)).toBeGreaterThanOrEqual(20);
    if (!result.includes(200)) expect(await checksUnder(`account:${user.email}`)).toBe(5);
  });

  it('checks at most 20 passwords from one address across 40 accounts at once', async () => {
    const result = await statuses(Array.from({ length: 40 }, (_, i) => [`spray-${i}@example.test`, 'wrong password']));
    expect(await checksUnder('address:127.0.0.1')).toBe(20);
    expect(count(result, 401)).toBeLessThanOrEqual(20);
    expect(count(result, 429) + count(result, 503)).toBeGreaterThanOrEqual(20);
  });

  it('writes one audit row per account, address, reason and window, not one per refusal', async () => {
    const user = await createUser(t.app, { role: 'hr' });
    await statuses(Array.from({ length: 30 }, (_, i) => [user.email, `wrong password ${i}`]));
    for (let i = 0; i < 5; i++) await login(user.email, 'still wrong');
    const rows = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(rows.map((r) => (r.details as { reason: string }).reason).sort()).toEqual(['bad_credentials', 'rate_limited']);
    expect(rows.every((r) => r.target === user.email)).toBe(true);
    expect(rows.every((r) => (r.details as { ip: string }).ip === '127.0.0.1')).toBe(true);
  });

  it('does not count successful sign-ins against the address: a shared office address signs 25 people in', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    const emails = Array.from({ length: 25 }, (_, i) => `office-${i}@example.test`);
    await t.app.db
      .insertInto('users')
      .values(emails.map((email, i) => ({ email, name: `Office ${i}`, role: 'leader' as const, password_hash: hash })))
      .execute();
    const result: number[] = [];
    for (const email of emails) result.push((await login(email, TEST_PASSWORD)).statusCode);
    expect(result).toEqual(Array(25).fill(200));
  });
});
