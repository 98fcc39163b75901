import { describe, expect, it } from 'vitest';
import { loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';
import { getAnonymityThreshold } from '@pulse/server/features/settings/settings.service';

describe(`settings: the anonymity threshold (${backend})`, () => {
  let t: TestApp;
  let admin: Session;
  withSignedInApp('admin', (app, session) => ((t = app), (admin = session)), { env: { ANONYMITY_THRESHOLD: '6' } });

  const patch = (payload: object, session = admin) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers: session.headers, payload });
  const read = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin.headers })).json();

  it('starts from ANONYMITY_THRESHOLD and lets an admin change it, audited', async () => {
    expect(await read()).toEqual({ anonymityThreshold: 6, latestPublication: null, defaultLanguage: 'en' });
    const res = await patch({ anonymityThreshold: 8 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ anonymityThreshold: 8, latestPublication: null, defaultLanguage: 'en' });
    expect(await read()).toEqual({ anonymityThreshold: 8, latestPublication: null, defaultLanguage: 'en' });
    expect(await getAnonymityThreshold(t.app.db, t.config)).toBe(8);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('action', '=', 'settings.update')
      .execute();
    expect(audit).toEqual([{ action: 'settings.update', actor_id: admin.user.id, details: { from: 6, to: 8 } }]);
  });

  it('refuses a threshold below 3, above 10 or not a whole number, and keeps the old one', async () => {
    for (const value of [2, 0, -5, 11, 4.5, '5']) {
      const res = await patch({ anonymityThreshold: value });
      expect(res.statusCode, String(value)).toBe(400);
      expect(res.json().error.details[0].path).toBe('anonymityThreshold');
    }
    expect((await patch({})).statusCode).toBe(400);
    expect(await read()).toEqual({ anonymityThreshold: 6, latestPublication: null, defaultLanguage: 'en' });
    expect(await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').execute()).toEqual([]);
  });

  it('lets only an admin change it', async () => {
    const hr = await loginAs(t.app, 'hr');
    expect((await patch({ anonymityThreshold: 4 }, hr)).statusCode).toBe(403);
    expect(await read()).toEqual({ anonymityThreshold: 6, latestPublication: null, defaultLanguage: 'en' });
  });
});
