import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { freePort } from '../support/ports.js';

describe('signing in through the company OpenID provider, in Chromium', () => {
  let server: BrowserServer;
  let provider: TestOidcProvider;
  let browser: Browser;
  let leader: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${publicUrl}/api/v1/auth/oidc/callback`);
    server = await startBrowserServer({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_PROVIDER_NAME: 'Acme ID',
      PASSWORD_LOGIN: 'admin-only',
    });
    browser = await launchBrowser();
    leader = await createUser(server.app, { role: 'leader', email: 'lea@example.test', name: 'Lea Leader' });
    admin = await createUser(server.app, { role: 'admin', email: 'ada@example.test', name: 'Ada Admin' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  async function newPage(width = 1366): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    return context.newPage();
  }

  /** Starts at the sign-in page (with `query`), clicks the provider's button and signs in there as `login`. */
  async function signInWithProvider(page: Page, login: string, query = ''): Promise<void> {
    await page.goto(`${server.baseUrl}/login${query}`);
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page, login);
    await page.waitForURL((url) => url.origin === server.baseUrl && !url.pathname.startsWith('/api/'), { timeout: 30_000 });
  }

  const me = (page: Page) => page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json() as Promise<{ user?: { email: string } }>));

  it('offers the provider on the sign-in page, above the break-glass password form, with no axe violation', async () => {
    const page = await newPage(390);
    await page.goto(`${server.baseUrl}/login`);
    const button = page.getByRole('link', { name: 'Sign in with Acme ID' });
    await expect.poll(() => button.isVisible(), { timeout: 30_000 }).toBe(true);
    const box = await button.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(800);
    await expect.poll(() => page.getByText('Passwords are only for administrators here.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('signs a leader in by their verified email and lands them on their insights', async () => {
    const page = await newPage();
    await signInWithProvider(page, leader.email);
    expect(new URL(page.url()).pathname).toBe('/insights');
    expect((await me(page)).user?.email).toBe(leader.email);
    const audit = await server.app.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'auth.login').execute();
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ method: 'oidc' }));
    await page.context().close();
  });

  it('follows a next path on this site and ignores one that leaves it', async () => {
    let page = await newPage();
    await signInWithProvider(page, leader.email, `?next=${encodeURIComponent('/actions')}`);
    expect(new URL(page.url()).pathname).toBe('/actions');
    await page.context().close();
    page = await newPage();
    await page.goto(`${server.baseUrl}/api/v1/auth/oidc/login?next=${encodeURIComponent('//evil.example/x')}`);
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page, leader.email);
    await page.waitForURL((url) => url.origin === server.baseUrl && !url.pathname.startsWith('/api/'), { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/insights');
    await page.context().close();
  });

  it('ends on a clear page for an unknown person and for an unverified email, without signing in', async () => {
    let page = await newPage();
    await signInWithProvider(page, 'stranger@example.test');
    expect(page.url()).toContain('/login?sso=unknown_person');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no active account here for your email address');
    expect((await me(page)).user).toBeUndefined();
    await page.context().close();

    provider.identities.set('unverified', { email: leader.email, email_verified: false });
    page = await newPage();
    await signInWithProvider(page, 'unverified');
    expect(page.url()).toContain('/login?sso=unverified_email');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('no verified email address');
    expect((await me(page)).user).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a callback this browser did not start (login CSRF)', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/api/v1/auth/oidc/callback?code=forged&state=forged`);
    await page.waitForURL(/\/login\?sso=expired/);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('took too long or was started in another browser');
    await page.context().close();
  });

  it('keeps passwords for admins only under PASSWORD_LOGIN=admin-only', async () => {
    const denied = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: leader.email, password: leader.password },
    });
    expect(denied.statusCode).toBe(401);
    const allowed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: admin.password },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('done when: a person provisioned by SCIM into a group signs in through the provider with that team in scope, and SCIM deactivation ends the session at once', async () => {
    const { app } = server;
    const adminSession = await loginAs(app, admin);
    const { token } = (
      await app.inject({ method: 'POST', url: '/api/v1/scim-tokens', headers: adminSession.headers, payload: { name: 'Acme ID' } })
    ).json();
    const scim = async (method: 'POST' | 'PATCH', url: string, payload: unknown) => {
      const res = await app.inject({
        method,
        url: `/scim/v2${url}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        payload: JSON.stringify(payload),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const sky = await scim('POST', '/Users', {
      userName: 'sky@example.test',
      name: { givenName: 'Sky', familyName: 'Scim' },
      active: true,
    });
    const platform = await scim('POST', '/Groups', { displayName: 'Platform', members: [{ value: sky.id }] });
    await scim('POST', '/Groups', { displayName: 'Data', members: [] });
    // Roles stay ours: HR makes the provisioned person the leader of their team.
    const hr = await loginAs(app, 'hr');
    expect(
      (await app.inject({ method: 'PATCH', url: `/api/v1/users/${sky.id}`, headers: hr.headers, payload: { role: 'leader' } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'PATCH', url: `/api/v1/teams/${platform.id}`, headers: hr.headers, payload: { leaderIds: [sky.id] } }))
        .statusCode,
    ).toBe(200);

    const page = await newPage();
    await signInWithProvider(page, 'sky@example.test');
    expect(new URL(page.url()).pathname).toBe('/insights');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toMatch(/^Your team/);
    const teams = await page.evaluate(() => fetch('/api/v1/teams').then((r) => r.json() as Promise<{ teams: { name: string }[] }>));
    expect(teams.teams.map((team) => team.name)).toEqual(['Platform']);

    await scim('PATCH', `/Users/${sky.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.status))).toBe(401);
    await page.reload();
    await page.waitForURL(/\/login/, { timeout: 30_000 });
    await page.context().close();
  });
});
