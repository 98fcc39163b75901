import { describe, expect, it } from 'vitest';
import { createUser, loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`organisation tree (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const call = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
  const create = async (name: string, parentId?: string) => {
    const res = await call(hr, 'POST', '/teams', { name, ...(parentId ? { parentId } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json().team as { id: string; name: string; parentId: string | null };
  };
  const teams = async (session = hr, query = '') =>
    (await call(session, 'GET', `/teams${query}`)).json().teams as {
      id: string;
      name: string;
      parentId: string | null;
      archived: boolean;
      leaderIds: string[];
      memberCount: number;
    }[];

  it('creates nested teams and lists them with leaders and member counts', async () => {
    const ops = await create('Operations');
    const payroll = await create('Payroll', ops.id);
    await createUser(t.app, { role: 'member', teamId: payroll.id });
    await createUser(t.app, { role: 'member', teamId: payroll.id });
    const list = await teams();
    expect(list).toEqual([
      { id: ops.id, name: 'Operations', parentId: null, leaderIds: [], memberCount: 0, archived: false },
      { id: payroll.id, name: 'Payroll', parentId: ops.id, leaderIds: [], memberCount: 2, archived: false },
    ]);
  });

  it('refuses a duplicate sibling name (409) but allows the name elsewhere', async () => {
    const ops = await create('Operations');
    await create('Support', ops.id);
    expect((await call(hr, 'POST', '/teams', { name: 'support', parentId: ops.id })).statusCode).toBe(409);
    expect((await call(hr, 'POST', '/teams', { name: 'Support' })).statusCode).toBe(201);
  });

  it('refuses bad input with 400 and creates nothing', async () => {
    for (const body of [{ name: '' }, { name: 'A/B' }, { name: 'x'.repeat(101) }, { name: 'Ok', parentId: 'nope' }, {}]) {
      const res = await call(hr, 'POST', '/teams', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    const missingParent = await call(hr, 'POST', '/teams', { name: 'Ok', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(missingParent.statusCode).toBe(400);
    expect((await call(hr, 'PATCH', '/teams/not-a-uuid', { name: 'X' })).statusCode).toBe(400);
    expect((await call(hr, 'DELETE', '/teams/not-a-uuid')).statusCode).toBe(400);
    expect((await call(hr, 'GET', '/teams?includeArchived=maybe')).statusCode).toBe(400);
    const ops = await create('Operations');
    expect((await call(hr, 'PATCH', `/teams/${ops.id}`, {})).statusCode).toBe(400);
    expect(await teams()).toHaveLength(1);
  });

  it('renames and moves teams, and refuses a move that would create a loop', async () => {
    const a = await create('A');
    const b = await create('B', a.id);
    const c = await create('C', b.id);
    const loop = await call(hr, 'PATCH', `/teams/${a.id}`, { parentId: c.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details[0].path).toBe('parentId');
    expect((await call(hr, 'PATCH', `/teams/${a.id}`, { parentId: a.id })).statusCode).toBe(400);
    expect((await teams()).find((x) => x.id === a.id)!.parentId).toBeNull();

    const moved = await call(hr, 'PATCH', `/teams/${c.id}`, { parentId: null, name: 'C top' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().team).toMatchObject({ id: c.id, name: 'C top', parentId: null });
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', '=', 'teams.update')
      .execute();
    expect(audit).toEqual([
      { action: 'teams.update', target: c.id, details: { name: { from: 'C', to: 'C top' }, parentId: { from: b.id, to: null } } },
    ]);
  });

  it('refuses to delete a team with history, archives it instead, and deletes an empty one', async () => {
    const ops = await create('Operations');
    const empty = await create('Empty');
    const member = await createUser(t.app, { role: 'member', teamId: ops.id });
    const refused = await call(hr, 'DELETE', `/teams/${ops.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/archive/i);

    expect((await call(hr, 'PATCH', `/teams/${ops.id}`, { archived: true })).json().team.archived).toBe(true);
    expect((await teams()).map((x) => x.name)).toEqual(['Empty']);
    expect((await teams(hr, '?includeArchived=true')).map((x) => [x.name, x.archived])).toEqual([
      ['Empty', false],
      ['Operations', true],
    ]);
    // History stays: the member still belongs to the archived team.
    const row = await t.app.db.selectFrom('users').select('team_id').where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(row.team_id).toBe(ops.id);

    expect((await call(hr, 'DELETE', `/teams/${empty.id}`)).statusCode).toBe(204);
    expect((await call(hr, 'DELETE', `/teams/${empty.id}`)).statusCode).toBe(404);
  });

  it('refuses to archive a team with live sub-teams', async () => {
    const ops = await create('Operations');
    await create('Payroll', ops.id);
    expect((await call(hr, 'PATCH', `/teams/${ops.id}`, { archived: true })).statusCode).toBe(409);
  });

  it('assigns leaders per team, only people with the leader role', async () => {
    const ops = await create('Operations');
    const leader = await createUser(t.app, { role: 'leader' });
    const member = await createUser(t.app, { role: 'member' });
    const ok = await call(hr, 'PATCH', `/teams/${ops.id}`, { leaderIds: [leader.id] });
    expect(ok.json().team.leaderIds).toEqual([leader.id]);
    const bad = await call(hr, 'PATCH', `/teams/${ops.id}`, { leaderIds: [member.id] });
    expect(bad.statusCode).toBe(400);
    expect((await teams())[0]!.leaderIds).toEqual([leader.id]);
  });

  it('shows a leader only their subtree; team B and its members are out of reach', async () => {
    const a = await create('A');
    const a1 = await create('A1', a.id);
    const a11 = await create('A11', a1.id);
    const b = await create('B');
    const leader = await createUser(t.app, { role: 'leader' });
    await call(hr, 'PATCH', `/teams/${a.id}`, { leaderIds: [leader.id] });
    const inA = await createUser(t.app, { role: 'member', teamId: a11.id, name: 'Deep in A' });
    await createUser(t.app, { role: 'member', teamId: b.id, name: 'In B' });
    const session = await loginAs(t.app, leader);

    expect((await teams(session)).map((x) => x.name).sort()).toEqual(['A', 'A1', 'A11']);
    const members = await call(session, 'GET', '/members');
    expect(members.json().members.map((m: { id: string }) => m.id)).toEqual([inA.id]);
    const bMembers = await call(session, 'GET', `/members?teamId=${b.id}`);
    expect([403, 404]).toContain(bMembers.statusCode);
    expect(bMembers.body).not.toContain('In B');
    expect((await call(session, 'PATCH', `/teams/${b.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await call(session, 'DELETE', `/teams/${b.id}`)).statusCode).toBe(403);
    expect((await call(session, 'GET', `/members?teamId=${a11.id}`)).json().members).toHaveLength(1);
  });
});
