import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blurAnswerTrail } from '@pulse/server/features/pulse/pulse.repository';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, readOutbox, seedTeams, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';
import { personalValues, referencedTables, tableColumns } from '../support/schema.js';

type PartnerAnswers = Record<string, Record<string, number>>;

/**
 * Sales (8) and Support (4) rely on Legal (6); Hub (10) relies on five provider teams. Three
 * cycles through the real pulse and close routes, with k = 5:
 *   1. Sales 3 ratings + Support 1: 4 in all, too few;
 *   2. Sales 6 ratings only: enough, but from one team;
 *   3. Sales 6 + Support 3: 9 ratings from two teams, shown.
 */
describe(`partner ratings (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let lena: Session;
  const teams: Record<string, SeededTeam> = {};
  const providers: string[] = [];
  const cycleIds: string[] = [];
  const pulses: Record<
    string,
    { token: string; team: string; pulse: { partners: { teamId: string; name: string; items: { id: string }[] }[] } }[]
  > = {};

  const teamOfEmail = (email: string) => Object.values(teams).find((team) => team.members.some((m) => m.email === email))?.name;

  /** Opens a cycle and reads every member's pulse (GET) through their mailed link. */
  async function openCycle(index: number) {
    await clearOutbox(t.app);
    const now = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: {
        label: `Month ${index}`,
        opensAt: new Date(now - (10 - index) * 3_600_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    cycleIds.push(res.json().cycle.id);
    const links = [];
    for (const mail of await readOutbox(t.app)) {
      const pulse = await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mail.token}` });
      expect(pulse.statusCode).toBe(200);
      links.push({ token: mail.token!, team: teamOfEmail(mail.to)!, pulse: pulse.json() });
    }
    pulses[index] = links;
    return links;
  }

  const submit = (token: string, partnerAnswers?: PartnerAnswers, answers = fullAnswers()) =>
    t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}`, payload: { answers, ...(partnerAnswers ? { partnerAnswers } : {}) } });

  /** Every member answers; the first `ratings[team]` of each team also rate Legal. */
  async function answerAll(index: number, ratings: Record<string, [number, number, number]>) {
    const given: Record<string, number> = {};
    for (const link of pulses[index]!) {
      const [count, yes, direct] = ratings[link.team] ?? [0, 0, 0];
      const n = (given[link.team] = (given[link.team] ?? 0) + 1);
      const partnerAnswers = n <= count ? { [teams.Legal!.id]: { par_yes: yes, par_direct: direct } } : undefined;
      expect((await submit(link.token, partnerAnswers)).statusCode).toBe(201);
    }
  }

  const close = async (id: string) =>
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${id}/close`, headers: hr.headers })).statusCode).toBe(200);
  const count = async (table: 'partner_ratings' | 'responses') =>
    Number(
      (
        await t.app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    for (const team of await seedTeams(t.app, { Legal: 6, Sales: 8, Support: 4, Hub: 10 })) teams[team.name] = team;
    for (const name of ['Finance', 'IT', 'Facilities', 'Procurement', 'Travel']) {
      providers.push((await t.app.db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow()).id);
    }
    lena = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: teams.Legal!.id, user_id: lena.user.id }).execute();
    const csv = [
      'provider,customer,relationship',
      'Legal,Sales,drive_thru',
      'Legal,Support,strategic',
      ...['Finance', 'IT', 'Facilities', 'Procurement', 'Travel'].map((p) => `${p},Hub,drive_thru`),
    ].join('\n');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customer-map/import',
      headers: { ...hr.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.json()).toMatchObject({ created: 7 });
    await openCycle(1);
  });
  afterAll(() => t.close());

  it('shows a customer team’s member a partner section naming the provider team; a provider’s own member none', () => {
    const sales = pulses[1]!.find((l) => l.team === 'Sales')!;
    expect(sales.pulse.partners).toEqual([
      {
        teamId: teams.Legal!.id,
        name: 'Legal',
        items: [expect.objectContaining({ id: 'par_yes' }), expect.objectContaining({ id: 'par_direct' })],
      },
    ]);
    expect(pulses[1]!.find((l) => l.team === 'Legal')!.pulse.partners).toEqual([]);
  });

  it('asks about at most three providers per pulse, each provider equally often across the team', () => {
    const hub = pulses[1]!.filter((l) => l.team === 'Hub');
    expect(hub).toHaveLength(10);
    const asked = new Map<string, number>();
    for (const link of hub) {
      const names = link.pulse.partners.map((p) => p.name);
      expect(new Set(names).size).toBe(3);
      for (const name of names) asked.set(name, (asked.get(name) ?? 0) + 1);
    }
    expect([...asked.values()]).toEqual([6, 6, 6, 6, 6]);
  });

  it('answers 400 to partner answers it did not ask for, or half given, and stores nothing', async () => {
    const sales = pulses[1]!.find((l) => l.team === 'Sales')!;
    const legal = teams.Legal!.id;
    const cases: [PartnerAnswers, string[]][] = [
      [{ [providers[0]!]: { par_yes: 3, par_direct: 3 } }, [`partnerAnswers.${providers[0]}`]],
      [{ [legal]: { par_yes: 3 } }, [`partnerAnswers.${legal}.par_direct`]],
      [{ [legal]: { par_yes: 6, par_direct: 0 } }, [`partnerAnswers.${legal}.par_yes`, `partnerAnswers.${legal}.par_direct`]],
      [{ [legal]: { par_yes: 3, par_direct: 3, par_extra: 2 } }, [`partnerAnswers.${legal}.par_extra`]],
    ];
    for (const [partnerAnswers, paths] of cases) {
      const res = await submit(sales.token, partnerAnswers);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    }
    const notNumbers = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${sales.token}`,
      payload: { answers: fullAnswers(), partnerAnswers: { [legal]: 'good' } },
    });
    expect(notNumbers.statusCode).toBe(400);
    expect(await count('responses')).toBe(0);
    expect(await count('partner_ratings')).toBe(0);
  });

  it('stores a rating without rater, token or time: only the cycle, the provider and the rater’s team', async () => {
    // Cycle 1's answers: Sales 3 ratings and Support 1, the rest leave Legal out ("not asked").
    await answerAll(1, { Sales: [3, 4, 4], Support: [1, 2, 1] });
    expect(await tableColumns(t.app.db, 'partner_ratings')).toEqual([
      { column_name: 'answers', data_type: 'jsonb' },
      { column_name: 'cycle_id', data_type: 'uuid' },
      { column_name: 'id', data_type: 'uuid' },
      { column_name: 'provider_team_id', data_type: 'uuid' },
      { column_name: 'rater_team_id', data_type: 'uuid' },
    ]);
    expect(await referencedTables(t.app.db, 'partner_ratings')).toEqual(['cycles', 'teams']);

    const rows = await t.app.db.selectFrom('partner_ratings').selectAll().execute();
    expect(rows).toHaveLength(4);
    const secrets = await personalValues(
      t.app.db,
      pulses[1]!.map((l) => l.token),
    );
    const stored = JSON.stringify(rows);
    for (const secret of secrets) expect(stored).not.toContain(secret);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Object.keys(row.answers).sort()).toEqual(['par_direct', 'par_yes']);
      expect(row.provider_team_id).toBe(teams.Legal!.id);
    }

    // Straight after answering, each rating shares its transaction id with one invitation…
    const xmins = async () => ({
      ratings: (await sql<{ x: string }>`select xmin::text as x from partner_ratings`.execute(t.app.db)).rows.map((r) => r.x),
      invitations: (await sql<{ x: string }>`select xmin::text as x from invitations where answered`.execute(t.app.db)).rows.map(
        (r) => r.x,
      ),
    });
    const before = await xmins();
    expect(before.ratings.every((x) => before.invitations.includes(x))).toBe(true);
    // …until the trail is blurred: then every rating and invitation of the cycle share one.
    await blurAnswerTrail(t.app.db, cycleIds[0]!);
    const after = await xmins();
    expect(new Set([...after.ratings, ...after.invitations]).size).toBe(1);
  });

  it('shows the provider’s partner score only once k ratings from two customer teams exist', async () => {
    await close(cycleIds[0]!);
    await openCycle(2);
    await answerAll(2, { Sales: [6, 4, 4] });
    await close(cycleIds[1]!);
    await openCycle(3);
    await answerAll(3, { Sales: [6, 4, 4], Support: [3, 2, 1] });
    await close(cycleIds[2]!);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${teams.Legal!.id}/trends`, headers: lena.headers });
    expect(res.statusCode).toBe(200);
    const series = res.json().series as { label: string; partner?: Record<string, number> }[];
    expect(series.map((p) => p.label)).toEqual(['Month 1', 'Month 2', 'Month 3']);
    // 4 ratings; then 6 from one team: nothing.
    expect(series[0]!.partner).toBeUndefined();
    expect(series[1]!.partner).toBeUndefined();
    // Sales 6 × 75 and Support 3 × 12.5: mean 54.17, sd 31.25, 54.17 ± t(0.975, 8) · 31.25 / 3.
    const partner = series[2]!.partner!;
    expect(partner).toMatchObject({ n: 9, raterTeams: 2 });
    expect(partner.mean).toBeCloseTo(54.1667, 3);
    expect(partner.ciLow).toBeCloseTo(54.1667 - 2.306 * (31.25 / 3), 1);
    expect(partner.ciHigh).toBeCloseTo(54.1667 + 2.306 * (31.25 / 3), 1);
    // The providers Hub rated (at most 10 ratings from one team) never show.
    const finance = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${providers[0]}/trends`, headers: hr.headers });
    expect(finance.json().series.every((p: { partner?: unknown }) => p.partner === undefined)).toBe(true);

    // The overview carries the same figure in Legal's row of that cycle, and none before it.
    const overview = async (cycleId: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/overview?cycleId=${cycleId}`, headers: hr.headers });
      expect(res.statusCode).toBe(200);
      return res.json().rows as { team: { id: string }; partner?: unknown }[];
    };
    const legalIn = async (cycleId: string) => (await overview(cycleId)).find((r) => r.team.id === teams.Legal!.id)!;
    expect((await legalIn(cycleIds[2]!)).partner).toEqual(partner);
    expect((await legalIn(cycleIds[1]!)).partner).toBeUndefined();
    expect((await legalIn(cycleIds[0]!)).partner).toBeUndefined();
    expect((await overview(cycleIds[2]!)).filter((r) => r.partner !== undefined).map((r) => r.team.id)).toEqual([teams.Legal!.id]);
  });

  it('keeps small cells of the provider × customer matrix blank, and the matrix for HR only', async () => {
    const matrix = async (cycle: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/partners/matrix?cycleId=${cycle}`, headers: hr.headers });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const legal = teams.Legal!.id;
    const m1 = await matrix(cycleIds[0]!);
    expect(m1.providers.find((p: { teamId: string }) => p.teamId === legal)).toMatchObject({ total: null, reason: 'fewer than 5 ratings' });
    expect(m1.cells).toEqual([]);
    expect(m1.customers.map((c: { name: string }) => c.name)).toEqual(['Sales', 'Support']);
    // Six ratings from Sales alone: the cell shows, the total does not (one team).
    const m2 = await matrix(cycleIds[1]!);
    expect(m2.providers.find((p: { teamId: string }) => p.teamId === legal)).toMatchObject({
      total: null,
      reason: 'ratings from fewer than 2 teams',
    });
    expect(m2.cells).toEqual([{ providerId: legal, customerId: teams.Sales!.id, n: 6, mean: 75, ciLow: 75, ciHigh: 75 }]);
    // Sales 6 and Support 3: the total shows; Support's 3 is blank, and so is Sales's 6, which would give Support's by subtraction.
    const m3 = await matrix(cycleIds[2]!);
    expect(m3.providers.find((p: { teamId: string }) => p.teamId === legal).total).toMatchObject({ n: 9, raterTeams: 2 });
    expect(m3.cells.filter((c: { providerId: string }) => c.providerId === legal)).toEqual([]);
    expect(JSON.stringify(m3)).not.toContain('12.5');

    const leader = await t.app.inject({ method: 'GET', url: '/api/v1/partners/matrix', headers: lena.headers });
    expect(leader.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/matrix?cycleId=00000000-0000-4000-8000-000000000000',
      headers: hr.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/partners/matrix?cycleId=nope', headers: hr.headers });
    expect(bad.statusCode).toBe(400);
  });
});
