import { describe, expect, it } from 'vitest';
import { type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`member import and list (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const importCsv = (csv: string, query = '', session = hr) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/members/import${query}`,
      headers: { ...session.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const memberCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('role', '<>', 'hr')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const teamPaths = async () => {
    const teams = await t.app.db.selectFrom('teams').select(['id', 'name', 'parent_id']).execute();
    const byId = new Map(teams.map((x) => [x.id, x]));
    const path = (id: string): string => {
      const team = byId.get(id)!;
      return team.parent_id ? `${path(team.parent_id)}/${team.name}` : team.name;
    };
    return teams.map((x) => path(x.id)).sort();
  };

  it('imports a CSV with a BOM, quotes and CRLF, creating the team paths', async () => {
    const csv =
      '\uFEFFemail,name,team,role\r\nana@example.test,"Ana, the first",Operations/Payroll,\r\nbo@example.test,Bo,Operations,leader\r\n';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members/import',
      headers: { ...hr.headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: csv,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0, deactivated: 0, teamsCreated: 2, dryRun: false });
    expect(await teamPaths()).toEqual(['Operations', 'Operations/Payroll']);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: hr.headers });
    expect(list.json().members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Ana, the first', 'member'],
      ['Bo', 'leader'],
      [hr.user.name, 'hr'],
    ]);
    // A leader row makes its person a leader of that team.
    const ops = await t.app.db.selectFrom('teams').select('id').where('name', '=', 'Operations').executeTakeFirstOrThrow();
    const leaders = await t.app.db.selectFrom('team_leaders').select('team_id').execute();
    expect(leaders).toEqual([{ team_id: ops.id }]);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'members.import').execute();
    expect(audit).toEqual([{ action: 'members.import', actor_id: hr.user.id }]);
  });

  it('counts created, updated and unchanged on a second import, matching teams case-insensitively', async () => {
    await importCsv('email,name,team\na@example.test,A,Ops\nb@example.test,B,Ops\n');
    const res = await importCsv('email,name,team\nA@example.test,A,ops\nb@example.test,B renamed,Ops\nc@example.test,C,Ops\n');
    expect(res.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1, teamsCreated: 0 });
  });

  it('answers 400 with exactly the 3 bad lines among 1,000 and imports nothing', async () => {
    const lines = ['email,name,team,role'];
    for (let i = 0; i < 1000; i++) lines.push(`person${i}@example.test,Person ${i},Org/Team ${i % 10},member`);
    // File lines: header is 1, row i is line i + 2.
    lines[57] = 'broken-email,Person 55,Org/Team 5,member';
    lines[400] = 'person398@example.test,,Org/Team 8,member';
    lines[901] = 'person899@example.test,Person 899,Org/Team 9,chief';
    const before = await memberCount();
    const res = await importCsv(lines.join('\n'));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(['line 58', 'line 401', 'line 902']);
    expect(body.error.details[2].message).toMatch(/chief/);
    expect(await memberCount()).toBe(before);
    expect(await teamPaths()).toEqual([]);
  });

  it('previews with a dry run: exact counts, nothing stored', async () => {
    const res = await importCsv('email,name,team\na@example.test,A,Ops/One\nb@example.test,B,Ops/Two\n', '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, teamsCreated: 3, dryRun: true });
    expect(res.json().preview[1]).toEqual({ line: 3, email: 'b@example.test', name: 'B', team: 'Ops/Two', role: 'member' });
    expect(await memberCount()).toBe(0);
    expect(await teamPaths()).toEqual([]);
  });

  it('deactivates members missing from a new import only on request, keeping their history', async () => {
    await importCsv('email,name,team\na@example.test,A,Ops\nb@example.test,B,Ops\n');
    const kept = await importCsv('email,name,team\na@example.test,A,Ops\n');
    expect(kept.json().deactivated).toBe(0);
    const res = await importCsv('email,name,team\na@example.test,A,Ops\n', '?deactivateMissing=true');
    expect(res.json()).toMatchObject({ deactivated: 1, unchanged: 1 });
    const b = await t.app.db
      .selectFrom('users')
      .select(['active', 'team_id'])
      .where('email', '=', 'b@example.test')
      .executeTakeFirstOrThrow();
    expect(b.active).toBe(false);
    expect(b.team_id).not.toBeNull();
    const active = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: hr.headers });
    expect(active.json().members.map((m: { email: string }) => m.email)).not.toContain('b@example.test');
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/members?includeInactive=true', headers: hr.headers });
    expect(all.json().members.find((m: { email: string }) => m.email === 'b@example.test').active).toBe(false);
    // The importing HR account is never deactivated.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: hr.headers })).statusCode).toBe(200);
  });

  it('does not let HR grant the admin role or change their own role through a file', async () => {
    const res = await importCsv(`email,name,team,role\nboss@example.test,Boss,,admin\n${hr.user.email},Me,Ops,member\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['line 2', 'line 3']);
  });

  it('refuses bad input: wrong header, empty file, JSON body, unknown query value', async () => {
    expect((await importCsv('mail,name,team\nx@example.test,X,Ops\n')).json().error.details).toEqual([
      { path: 'line 1', message: expect.stringMatching(/email/) },
    ]);
    expect((await importCsv('')).statusCode).toBe(400);
    expect((await importCsv('email,name,team\n')).statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/members/import', headers: hr.headers, payload: { email: 'x' } });
    expect(json.statusCode).toBe(400);
    expect((await importCsv('email,name,team\nx@example.test,X,Ops\n', '?dryRun=maybe')).statusCode).toBe(400);
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members/import',
      headers: { ...hr.headers, 'content-type': 'application/xml' },
      payload: '<members/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(await memberCount()).toBe(0);
  });

  it('searches members by name or email and validates the query', async () => {
    await importCsv('email,name,team\nana@example.test,Ana Lima,Ops\nbo@corp.test,Bo Ek,Ops\n');
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/members?q=lim', headers: hr.headers });
    expect(byName.json()).toMatchObject({ total: 1, members: [{ name: 'Ana Lima', role: 'member', active: true }] });
    const byEmail = await t.app.inject({ method: 'GET', url: '/api/v1/members?q=CORP', headers: hr.headers });
    expect(byEmail.json().members.map((m: { name: string }) => m.name)).toEqual(['Bo Ek']);
    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/members?limit=1', headers: hr.headers });
    expect(limited.json().members).toHaveLength(1);
    expect(limited.json().total).toBe(3);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/members?limit=0', headers: hr.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/members?teamId=x', headers: hr.headers })).statusCode).toBe(400);
  });
});
