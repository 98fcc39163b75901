import { describe, expect, it } from 'vitest';
import { loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`the internal customer map (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  /** Operations/Legal and Operations/IT serve Sales/North, Sales/South and Support. */
  async function organisation(): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    const add = async (name: string, parent?: string) => {
      const row = await t.app.db
        .insertInto('teams')
        .values({ name, parent_id: parent ? ids[parent]! : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[name] = row.id;
    };
    await add('Operations');
    await add('Legal', 'Operations');
    await add('IT', 'Operations');
    await add('Sales');
    await add('North', 'Sales');
    await add('South', 'Sales');
    await add('Support');
    return ids;
  }

  const importCsv = (csv: string, query = '', session = hr) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/customer-map/import${query}`,
      headers: { ...session.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  const customersOf = async (teamId: string, session = hr) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${teamId}/customers`, headers: session.headers });
    expect(res.statusCode).toBe(200);
    return res.json().customers.map((c: { path: string; relationship: string }) => [c.path, c.relationship]);
  };
  const linkCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('team_customers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets HR build the map from a CSV: a dry run previews exact counts, the import applies them, audited', async () => {
    const ids = await organisation();
    const csv =
      '\uFEFFprovider,customer,relationship\r\nLegal,Sales/North,drive_thru\r\nOperations/Legal,South,Drive-thru\r\nLegal,Support,strategic\r\n"IT",Sales,strategic partner\r\n';
    const dry = await importCsv(csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ created: 4, updated: 0, unchanged: 0, dryRun: true });
    expect(dry.json().preview[1]).toEqual({ line: 3, provider: 'Operations/Legal', customer: 'South', relationship: 'drive_thru' });
    expect(await linkCount()).toBe(0);

    const res = await importCsv(csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 4, updated: 0, unchanged: 0, dryRun: false });
    expect(await customersOf(ids.Legal!)).toEqual([
      ['Sales/North', 'drive_thru'],
      ['Sales/South', 'drive_thru'],
      ['Support', 'strategic'],
    ]);
    expect(await customersOf(ids.IT!)).toEqual([['Sales', 'strategic']]);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'customers.import').execute();
    expect(audit).toEqual([{ action: 'customers.import', actor_id: hr.user.id }]);

    // A second file changes one kind, repeats one, adds one, and leaves the others alone.
    const again = await importCsv(
      'provider,customer,relationship\nLegal,Support,drive_thru\nLegal,North,drive_thru\nIT,Support,drive_thru\n',
    );
    expect(again.json()).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(await linkCount()).toBe(5);
    const map = await t.app.inject({ method: 'GET', url: '/api/v1/customer-map', headers: hr.headers });
    expect(map.json().links).toHaveLength(5);
  });

  it('imports nothing when any line is bad, naming every bad line', async () => {
    await organisation();
    const csv = [
      'provider,customer,relationship',
      'Legal,North,drive_thru', // fine
      'Legal,Nowhere,drive_thru', // unknown team
      'Legal,Legal,strategic', // itself
      'Legal,North,strategic', // the pair again
      'IT,Support,sometimes', // not a relationship
      'IT,Support', // missing field
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7']);
    expect(details[0]!.message).toContain('The customer team "Nowhere" does not exist.');
    expect(details[1]!.message).toContain('cannot be its own customer');
    expect(details[2]!.message).toContain('also on line 2');
    expect(details[3]!.message).toContain('"sometimes" is not a relationship');
    expect(res.json().error.message).toBe('5 lines have problems; nothing was imported.');
    expect(await linkCount()).toBe(0);
  });

  it('asks for a path when a team name is ambiguous, and refuses a wrong header or an empty file', async () => {
    const ids = await organisation();
    await t.app.db.insertInto('teams').values({ name: 'Legal', parent_id: ids.Sales! }).execute();
    const ambiguous = await importCsv('provider,customer,relationship\nLegal,Support,drive_thru\n');
    expect(ambiguous.json().error.details[0].message).toMatch(/"Legal" is ambiguous: write its path/);
    const header = await importCsv('from,to,kind\nLegal,Support,drive_thru\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.details).toEqual([
      { path: 'line 1', message: expect.stringContaining('Expected: provider,customer,relationship.') },
    ]);
    expect((await importCsv('provider,customer,relationship\n')).statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customer-map/import',
      headers: hr.headers,
      payload: { provider: 'Legal' },
    });
    expect(json.statusCode).toBe(400);
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customer-map/import',
      headers: { ...hr.headers, 'content-type': 'application/xml' },
      payload: '<map/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(await linkCount()).toBe(0);
  });

  it('lets a team’s leader edit its customers in place, and nobody outside the team', async () => {
    const ids = await organisation();
    const lena = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: ids.Legal!, user_id: lena.user.id }).execute();
    const put = (teamId: string, customers: unknown, session: Session = lena) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/teams/${teamId}/customers`, headers: session.headers, payload: { customers } });

    const saved = await put(ids.Legal!, [
      { teamId: ids.North, relationship: 'drive_thru' },
      { teamId: ids.Support, relationship: 'strategic' },
    ]);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().customers.map((c: { name: string }) => c.name)).toEqual(['North', 'Support']);
    expect(await customersOf(ids.Legal!, lena)).toEqual([
      ['Sales/North', 'drive_thru'],
      ['Support', 'strategic'],
    ]);
    // Replacing: the list sent is the list kept.
    await put(ids.Legal!, [{ teamId: ids.Support, relationship: 'drive_thru' }]);
    expect(await customersOf(ids.Legal!)).toEqual([['Support', 'drive_thru']]);

    // Another team is not Lena's to see or change.
    expect((await put(ids.IT!, [{ teamId: ids.Support, relationship: 'drive_thru' }])).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/teams/${ids.IT}/customers`, headers: lena.headers })).statusCode).toBe(404);
    const map = await t.app.inject({ method: 'GET', url: '/api/v1/customer-map', headers: lena.headers });
    expect(map.json().links.map((l: { providerId: string }) => l.providerId)).toEqual([ids.Legal]);
    // Every live team by path, so the leader's page can name customers outside their own teams.
    expect(map.json().teams.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['Operations/Legal', 'Sales/North', 'Support']),
    );
    const member = await loginAs(t.app, 'member', { teamId: ids.Legal });
    expect((await put(ids.Legal!, [], member)).statusCode).toBe(403);
  });

  it('answers 400 to bad customer lists and changes nothing', async () => {
    const ids = await organisation();
    const put = (customers: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/teams/${ids.Legal}/customers`, headers: hr.headers, payload: { customers } });
    const bad = await put([
      { teamId: ids.North, relationship: 'drive_thru' },
      { teamId: ids.Legal, relationship: 'drive_thru' },
      { teamId: ids.North, relationship: 'strategic' },
      { teamId: '00000000-0000-4000-8000-000000000000', relationship: 'strategic' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'customers.1.teamId', message: 'A team cannot be its own customer.' },
      { path: 'customers.2.teamId', message: 'North appears twice.' },
      { path: 'customers.3.teamId', message: 'is not a team.' },
    ]);
    const wrongKind = await put([{ teamId: ids.North, relationship: 'friendly' }]);
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0].path).toBe('customers.0.relationship');
    const badId = await t.app.inject({ method: 'GET', url: '/api/v1/teams/not-a-uuid/customers', headers: hr.headers });
    expect(badId.statusCode).toBe(400);
    expect(await linkCount()).toBe(0);
  });
});
