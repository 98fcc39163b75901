import { afterEach, describe, expect, it } from 'vitest';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * X-Forwarded-For is believed only from a proxy named in TRUST_PROXY: otherwise anyone could
 * rotate it to escape the per-address limit and write any address into the audit log.
 */
describe(`trusting a proxy only when configured (${backend})`, { timeout: 120_000 }, () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const attempt = (app: TestApp, i: number, forwardedFor: string) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: app.config.publicUrl, 'x-forwarded-for': forwardedFor },
      payload: { email: `spray-${i}@example.test`, password: 'wrong password' },
    });
  const auditedAddresses = async (app: TestApp) =>
    new Set(
      (await app.app.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute()).map(
        (r) => (r.details as { ip: string }).ip,
      ),
    );

  it('in production without TRUST_PROXY, a rotating X-Forwarded-For neither escapes the address limit nor forges the audit address', async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt(t, i, `203.0.113.${i + 1}`)).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    expect(await auditedAddresses(t)).toEqual(new Set(['127.0.0.1']));
  });

  it('with TRUST_PROXY naming the proxy, the forwarded address counts and is audited', async () => {
    t = await createTestApp({ TRUST_PROXY: '127.0.0.1/32, 10.0.0.0/8' });
    for (let i = 0; i < 3; i++) expect((await attempt(t, i, `203.0.113.${i + 1}`)).statusCode).toBe(401);
    expect(await auditedAddresses(t)).toEqual(new Set(['203.0.113.1', '203.0.113.2', '203.0.113.3']));
  });

  it('with TRUST_PROXY as a hop count, the address that many hops back counts', async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
    expect((await attempt(t, 0, '198.51.100.7, 203.0.113.9')).statusCode).toBe(401);
    expect(await auditedAddresses(t)).toEqual(new Set(['203.0.113.9']));
  });
});
