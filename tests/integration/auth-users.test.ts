import { beforeEach, describe, expect, it } from 'vitest';
import { createUser, loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`users and roles (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let admin: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)), { name: 'Hanna HR' });
  beforeEach(async () => {
    admin = await loginAs(t.app, 'admin', { name: 'Ada Admin' });
  });

  const call = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });

  it('lists accounts with roles, leaving members out unless asked', async () => {
    await createUser(t.app, { role: 'member', name: 'Mo Member' });
    const leader = await createUser(t.app, { role: 'leader', name: 'Lea Leader' });
    const res = await call(hr, 'GET', '/users');
    expect(res.json().users.map((u: { name: string }) => u.name)).toEqual(['Ada Admin', 'Hanna HR', 'Lea Leader']);
    expect(res.json().users[2]).toEqual({
      id: leader.id,
      email: leader.email,
      name: 'Lea Leader',
      role: 'leader',
      teamId: null,
      active: true,
      hasPassword: true,
      leadsTeamIds: [],
    });
    expect((await call(hr, 'GET', '/users?role=member')).json().users.map((u: { name: string }) => u.name)).toEqual(['Mo Member']);
    expect((await call(hr, 'GET', '/users?role=boss')).statusCode).toBe(400);
  });

  it('refuses a duplicate email and bad input', async () => {
    expect((await call(hr, 'POST', '/users', { email: hr.user.email.toUpperCase(), name: 'Dup', role: 'leader' })).statusCode).toBe(409);
    expect((await call(hr, 'POST', '/users', { email: 'nope', name: 'X', role: 'leader' })).statusCode).toBe(400);
    expect((await call(hr, 'POST', '/users', { email: 'ok@example.test', name: '', role: 'leader' })).statusCode).toBe(400);
    expect((await call(hr, 'PATCH', `/users/${hr.user.id}`, {})).statusCode).toBe(400);
    expect((await call(hr, 'PATCH', '/users/not-an-id', { name: 'X' })).statusCode).toBe(400);
    // Nothing was created or changed by any of them.
    const users = await t.app.db.selectFrom('users').select(['email', 'name']).execute();
    expect(users.some((u) => u.email === 'ok@example.test' || u.name === 'X')).toBe(false);
  });

  it('lets only an admin grant or touch the admin role', async () => {
    expect((await call(hr, 'POST', '/users', { email: 'boss@example.test', name: 'Boss', role: 'admin' })).statusCode).toBe(403);
    expect((await call(hr, 'PATCH', `/users/${admin.user.id}`, { name: 'Renamed' })).statusCode).toBe(403);
    const leader = await createUser(t.app, { role: 'leader' });
    expect((await call(hr, 'PATCH', `/users/${leader.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await call(admin, 'PATCH', `/users/${leader.id}`, { role: 'hr' })).statusCode).toBe(200);
  });

  it('changes a role: audited, leadership dropped, sessions ended', async () => {
    const hrHeaders = hr.headers;
    const team = (await call(hr, 'POST', '/teams', { name: 'Ops' })).json().team.id as string;
    const leader = await createUser(t.app, { role: 'leader' });
    await call(hr, 'PATCH', `/teams/${team}`, { leaderIds: [leader.id] });
    const leaderSession = await loginAs(t.app, leader);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leader.id}`,
      headers: hrHeaders,
      payload: { role: 'member', teamId: team },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'member', teamId: team, leadsTeamIds: [] });
    expect((await call(leaderSession, 'GET', '/auth/me')).statusCode).toBe(401);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target', 'details'])
      .where('action', '=', 'users.role_change')
      .execute();
    expect(audit).toEqual([
      {
        action: 'users.role_change',
        actor_id: hr.user.id,
        target: leader.id,
        details: { role: { from: 'leader', to: 'member' }, teamId: { from: null, to: team } },
      },
    ]);
  });

  it('refuses to let anyone change their own role or deactivate themselves', async () => {
    expect((await call(admin, 'PATCH', `/users/${admin.user.id}`, { role: 'hr' })).statusCode).toBe(409);
    expect((await call(hr, 'PATCH', `/users/${hr.user.id}`, { active: false })).statusCode).toBe(409);
    expect((await call(hr, 'PATCH', `/users/${hr.user.id}`, { name: 'New Name' })).json().user.name).toBe('New Name');
  });

  it('deactivation ends sessions and blocks login', async () => {
    const leader = await createUser(t.app, { role: 'leader' });
    const session = await loginAs(t.app, leader);
    expect((await call(hr, 'PATCH', `/users/${leader.id}`, { active: false })).json().user.active).toBe(false);
    expect((await call(session, 'GET', '/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: leader.email, password: leader.password },
    });
    expect(login.statusCode).toBe(401);
  });

  it('does not invite members, deactivated people or unknown ids', async () => {
    const member = await createUser(t.app, { role: 'member' });
    expect((await call(hr, 'POST', `/users/${member.id}/invite`)).statusCode).toBe(409);
    expect((await call(hr, 'POST', '/users/not-a-uuid/invite')).statusCode).toBe(400);
  });
});
