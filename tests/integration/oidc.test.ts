import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { freePort } from '../support/ports.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

describe(`OpenID Connect sign-in, start and refusals (${backend})`, () => {
  let t: TestApp;
  let provider: TestOidcProvider;
  const publicUrl = 'http://127.0.0.1:3999';

  beforeAll(async () => {
    provider = await startOidcProvider(`${publicUrl}/api/v1/auth/oidc/callback`);
    t = await createTestApp({
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_PROVIDER_NAME: 'Acme ID',
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const start = (query = '') => t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/login${query}` });
  const loginCookie = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().find((c) => c.startsWith('pulse_oidc='))!;

  it('names the provider for the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/methods' });
    expect(res.json()).toEqual({ oidc: { name: 'Acme ID', loginUrl: '/api/v1/auth/oidc/login' }, password: 'all' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, tied to an HttpOnly cookie', async () => {
    const res = await start('?next=%2Factions');
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location!);
    expect(url.origin).toBe(provider.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: `${publicUrl}/api/v1/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    const cookie = loginCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const value = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await t.app.db.selectFrom('oidc_logins').selectAll().execute();
    expect(rows.some((r) => r.state === params.state && r.next === '/actions')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it('forgets a next that would leave the site, and refuses one too long to be a path', async () => {
    await start(`?next=${encodeURIComponent('//evil.example/x')}`);
    const rows = await t.app.db.selectFrom('oidc_logins').select('next').execute();
    expect(rows.map((r) => r.next)).not.toContain('//evil.example/x');
    const before = rows.length;
    const long = await start(`?next=/${'a'.repeat(2100)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('invalid_request');
    expect(await t.app.db.selectFrom('oidc_logins').select('next').execute()).toHaveLength(before);
  });

  it('refuses a callback whose state does not match, then its replay, and signs no one in', async () => {
    const started = await start();
    const cookie = loginCookie(started.headers['set-cookie']).split(';')[0]!;
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/callback?code=abc&state=not-the-state',
      headers: { cookie },
    });
    expect(wrong.statusCode).toBe(302);
    expect(wrong.headers.location).toBe('/login?sso=failed');
    expect([wrong.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('pulse_session=') && !c.startsWith('pulse_session=;'))).toBe(
      false,
    );
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/callback?code=abc&state=not-the-state',
      headers: { cookie },
    });
    expect(replay.headers.location).toBe('/login?sso=expired');
    const audit = await t.app.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute();
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ reason: 'sso_failed' }));
  });

  it('says the provider is unavailable when its discovery cannot be reached', async () => {
    const port = await freePort();
    const down = await createTestApp({ OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/login?sso=unavailable');
    } finally {
      await down.close();
    }
  });
});
