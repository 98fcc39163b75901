import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, loginAs, sessionCookieFrom, TEST_PASSWORD } from '../support/auth.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

// Long enough that five failed checks fit inside it on a busy machine (argon2 plus the slow-down).
const WINDOW_SECONDS = 20;

describe(`sessions and login (${backend})`, () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS) });
    origin = t.config.publicUrl;
  });
  afterAll(() => t.close());
  beforeEach(() => t.truncate());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { origin, ...headers }, payload: { email, password } });

  it('logs in, sets a hardened session cookie, and /me answers with the user', async () => {
    const user = await createUser(t.app, { role: 'hr', email: 'Hanna@Example.test', name: 'Hanna' });
    const res = await login('hanna@example.test', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { id: user.id, email: 'Hanna@Example.test', name: 'Hanna', role: 'hr' } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^pulse_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: sessionCookieFrom(res.headers['set-cookie'])! },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
  });

  it('stores only a hash of the session token', async () => {
    await createUser(t.app, { role: 'hr', email: 'h@example.test' });
    const res = await login('h@example.test', TEST_PASSWORD);
    const token = sessionCookieFrom(res.headers['set-cookie'])!.split('=')[1]!;
    const rows = await t.app.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toContain(token);
    expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers an unknown email and a wrong password with the identical 401', async () => {
    await createUser(t.app, { role: 'hr', email: 'known@example.test' });
    const unknown = await login('nobody@example.test', 'whatever password');
    const wrong = await login('known@example.test', 'whatever password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin },
      payload: { email: 'x@example.test' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('password');
    expect(await t.app.db.selectFrom('login_failures').selectAll().execute()).toEqual([]);
  });

  it('answers 400 to a logout whose body is not JSON, and keeps the session', async () => {
    const { cookie } = await loginAs(t.app, 'hr');
    const headers = { cookie, origin: t.config.publicUrl, 'content-type': 'application/json' };
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers, payload: '{not json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toEqual(expect.any(String));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a session cookie replayed after logout', async () => {
    const { headers } = await loginAs(t.app, 'hr');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/pulse_session=;/);
    const replay = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(replay.statusCode).toBe(401);
    expect(await t.app.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('refuses a POST carrying the session cookie from a foreign Origin, or with no origin at all', async () => {
    const { cookie } = await loginAs(t.app, 'hr');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    // The refusal carries the security headers too.
    expect(foreign.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(foreign.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const foreignReferer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, referer: 'https://evil.example/page' },
    });
    expect(foreignReferer.statusCode).toBe(403);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(none.statusCode).toBe(403);
    // The session survived all three.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const sameSiteReferer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, referer: `${origin}/teams` },
    });
    expect(sameSiteReferer.statusCode).toBe(204);
  });

  it('refuses a foreign Origin on a percent-encoded path to the same route', async () => {
    const { cookie } = await loginAs(t.app, 'hr');
    for (const url of ['/%61pi/v1/auth/logout', '/api/v1/auth/%6Cogout', '/%61%70%69/v1/auth/logout']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie, origin: 'https://evil.example' } });
      expect(res.statusCode, url).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('accepts the request host as origin (dev proxy, another hostname)', async () => {
    const { cookie } = await loginAs(t.app, 'hr');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, host: 'pulse.internal:8080', origin: 'http://pulse.internal:8080' },
    });
    expect(res.statusCode).toBe(204);
  });

  it('ends a session that has been idle too long', async () => {
    const { headers, user } = await loginAs(t.app, 'hr');
    const hours = t.config.sessionIdleMinutes / 60 + 1;
    await t.app.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - hours * 3_600_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('forgets expired sessions when someone signs in', async () => {
    const stale = await loginAs(t.app, 'hr');
    await t.app.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000) })
      .where('user_id', '=', stale.user.id)
      .execute();
    const user = await createUser(t.app, { role: 'leader' });
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const rows = await t.app.db.selectFrom('sessions').select('user_id').execute();
    expect(rows).toEqual([{ user_id: user.id }]);
  });

  it('ends a session past its absolute lifetime even while in use', async () => {
    const { headers, user } = await loginAs(t.app, 'hr');
    await t.app.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - (t.config.sessionMaxHours + 1) * 3_600_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('turns twenty wrong passwords into 429s, and the right one works once the window has passed', { timeout: 90_000 }, async () => {
    const user = await createUser(t.app, { role: 'hr' });
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 20; i++) {
      const res = await login(user.email, `wrong password ${i}`);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = Number(res.headers['retry-after']);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(15).fill(429));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    // Still limited: even the right password is refused while the window lasts.
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    const limited = await login(user.email, TEST_PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, Number(limited.headers['retry-after']) * 1000 + 200));
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const audit = await t.app.db.selectFrom('audit_log').select(['action']).execute();
    // One row for the failures and one for the refusals of the window, not one per attempt.
    expect(audit.filter((a) => a.action === 'auth.login_failed')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'auth.login')).toHaveLength(1);
  });

  it('slows down repeated failures', async () => {
    // A first failure has no pause; the fastest of three (other accounts) is the password check
    // alone, since a busy machine only ever adds time. The fourth on one account pauses 300 ms.
    let first = Infinity;
    for (let i = 0; i < 3; i++) {
      const other = await createUser(t.app, { role: 'hr' });
      const started = Date.now();
      await login(other.email, 'wrong password 1');
      first = Math.min(first, Date.now() - started);
    }
    const user = await createUser(t.app, { role: 'hr' });
    for (let i = 0; i < 3; i++) await login(user.email, 'wrong password');
    const fourthStart = Date.now();
    await login(user.email, 'wrong password');
    expect(Date.now() - fourthStart).toBeGreaterThan(first + 200);
  });
});
