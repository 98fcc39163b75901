import { afterEach, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '@pulse/server/first-run';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

describe(`first run and security headers (${backend})`, () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const login = (email: string, password: string) =>
    t!.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD on an empty database, once', async () => {
    t = await createTestApp({ ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'a long admin password' });
    const printed: string[] = [];
    expect(await ensureFirstAdmin(t.app, (s) => printed.push(s))).toBe('root@example.test');
    expect(printed).toEqual([]);
    expect(await ensureFirstAdmin(t.app, (s) => printed.push(s))).toBeUndefined();
    const res = await login('root@example.test', 'a long admin password');
    expect(res.json().user).toMatchObject({ email: 'root@example.test', role: 'admin' });
  });

  it('generates a strong password when none is set and prints it exactly once', async () => {
    t = await createTestApp();
    const printed: string[] = [];
    const email = await ensureFirstAdmin(t.app, (s) => printed.push(s));
    expect(email).toBe('admin@localhost');
    expect(printed).toHaveLength(1);
    const password = printed[0]!.match(/password: (\S+)/)![1]!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await ensureFirstAdmin(t.app, (s) => printed.push(s));
    expect(printed).toHaveLength(1);
    expect((await login('admin@localhost', password)).statusCode).toBe(200);
    // Never stored in clear.
    const row = await t.app.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('sends helmet headers with a CSP that allows only this site’s scripts', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the cookie Secure and sends HSTS when PUBLIC_URL is https', async () => {
    t = await createTestApp({
      PUBLIC_URL: 'https://pulse.example.test',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'a long admin password',
    });
    await ensureFirstAdmin(t.app, () => undefined);
    const res = await login('root@example.test', 'a long admin password');
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
