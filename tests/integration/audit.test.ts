import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser, loginAs, TEST_PASSWORD, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`audit log (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const audit = async (query = '', session = hr) => t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: session.headers });

  it('records who did what and when: logins, failures, team and role changes, imports, settings', async () => {
    const origin = t.config.publicUrl;
    const admin = await createUser(t.app, { role: 'admin', email: 'ada@example.test' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin },
      payload: { email: 'ada@example.test', password: 'wrong password' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin },
      payload: { email: 'ada@example.test', password: TEST_PASSWORD },
    });
    const team = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: hr.headers, payload: { name: 'Ops' } })).json().team
      .id;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team}`, headers: hr.headers, payload: { name: 'Operations' } });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/members/import',
      headers: { ...hr.headers, 'content-type': 'text/csv' },
      payload: 'email,name,team,role\nlea@example.test,Lea,Operations,member\n',
    });
    const lea = await t.app.db.selectFrom('users').select('id').where('email', '=', 'lea@example.test').executeTakeFirstOrThrow();
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${lea.id}`, headers: hr.headers, payload: { role: 'leader' } });
    const adminSession = await loginAs(t.app, admin);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/settings', headers: adminSession.headers, payload: { anonymityThreshold: 7 } });

    const res = await audit();
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { action: string; actorEmail: string | null; target: string | null; at: string }[];
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'auth.login_failed',
      'auth.login',
      'teams.create',
      'teams.update',
      'members.import',
      'users.role_change',
      'settings.update',
    ]);
    expect(entries.find((e) => e.action === 'auth.login_failed')).toMatchObject({ actorEmail: null, target: 'ada@example.test' });
    expect(entries.find((e) => e.action === 'auth.login')).toMatchObject({ actorEmail: 'ada@example.test' });
    expect(entries.find((e) => e.action === 'members.import')).toMatchObject({ actorEmail: hr.user.email });
    expect(Date.now() - Date.parse(entries[0]!.at)).toBeLessThan(60_000);
    const onlyLogins = (await audit('?action=auth.')).json().entries.map((e: { action: string }) => e.action);
    expect(onlyLogins).toEqual(['auth.login', 'auth.login_failed']);
  });

  it('pages backwards with nextBefore and validates its query', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: hr.headers, payload: { name: `Team ${i}` } });
    }
    const first = (await audit('?limit=3')).json();
    expect(first.entries).toHaveLength(3);
    const second = (await audit(`?limit=3&before=${first.nextBefore}`)).json();
    expect(second.entries).toHaveLength(2);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e: { id: number }) => e.id)).size).toBe(5);
    expect((await audit('?limit=0')).statusCode).toBe(400);
    expect((await audit('?limit=500')).statusCode).toBe(400);
    expect((await audit('?before=abc')).statusCode).toBe(400);
  });

  it('cannot be edited: no route changes it, and the database refuses updates and deletes', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: hr.headers, payload: { name: 'Ops' } });
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      expect((await t.app.inject({ method, url: '/api/v1/audit', headers: hr.headers, payload: {} })).statusCode).toBe(404);
    }
    await expect(sql`update audit_log set action = 'nothing'`.execute(t.app.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.app.db)).rejects.toThrow(/append-only/);
    expect((await audit()).json().entries).toHaveLength(1);
  });

  it('is readable by HR and admin only', async () => {
    expect((await audit('', await loginAs(t.app, 'leader'))).statusCode).toBe(403);
    expect((await audit('', await loginAs(t.app, 'admin'))).statusCode).toBe(200);
  });
});
