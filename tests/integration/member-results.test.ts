import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A member's results from their own pulse link: what the team's published cell allows, the same
 * page whether or not that link answered, and nothing before the cycle has closed.
 */
describe(`a member's results from their pulse link (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let legal: SeededTeam;
  let tiny: SeededTeam;
  /** Per cycle label, each member's token by email. */
  const links: Record<string, Map<string, string>> = {};
  const cycleIds: Record<string, string> = {};

  const results = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/pulse/${token}/results` });
  const answer = (token: string, value: number, comment?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${token}`,
      payload: { answers: fullAnswers(value), ...(comment ? { comment } : {}) },
    });
  const writeNote = (who: Session, teamId: string, cycleId: string, body: unknown) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/teams/${teamId}/notes/${cycleId}`, headers: who.headers, payload: { body } });
  const tokenOf = (label: string, team: SeededTeam, index: number) => links[label]!.get(team.members[index]!.email)!;

  async function openCycle(label: string): Promise<void> {
    await clearOutbox(t.app);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label, ...openWindow() } });
    expect(res.statusCode).toBe(201);
    cycleIds[label] = res.json().cycle.id;
    links[label] = new Map((await readOutbox(t.app)).map((m) => [m.to, m.token!]));
  }
  const close = async (label: string) =>
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleIds[label]}/close`, headers: hr.headers })).statusCode).toBe(
      200,
    );

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    const seeded = await seedTeams(t.app, { Legal: 6, Tiny: 3 });
    legal = seeded[0]!;
    tiny = seeded[1]!;
    const action = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${legal.id}/actions`,
      headers: hr.headers,
      payload: { title: 'No meetings on Friday mornings', dueAt: '2027-01-31' },
    });
    expect(action.statusCode).toBe(201);

    // October: Legal's first five answer 2 (member 5 does not answer), Tiny only one of three.
    await openCycle('October');
    for (let i = 0; i < 5; i++) expect((await answer(tokenOf('October', legal, i), 2)).statusCode).toBe(201);
    expect((await answer(tokenOf('October', tiny, 0), 5, 'tiny team secret')).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('shows nothing before the cycle closes, alike for a link that answered and one that did not', async () => {
    const answered = await results(tokenOf('October', legal, 0));
    const unanswered = await results(tokenOf('October', legal, 5));
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ published: false, participation: null, actions: [], team: { name: 'Legal' } });
    expect(answered.json().reason).toMatch(/once this pulse has closed/);
    expect(answered.json().scores).toBeUndefined();
    expect(answered.body).toBe(unanswered.body);
    // Nor can a note be written yet.
    const early = await writeNote(hr, legal.id, cycleIds.October!, 'Too early');
    expect(early.statusCode).toBe(409);
    expect(await t.app.db.selectFrom('team_notes').selectAll().execute()).toEqual([]);
  });

  it("shows the team's published scores, participation and actions after close, the same page for every link of the team", async () => {
    await close('October');
    const bodies = await Promise.all(legal.members.map(async (_, i) => (await results(tokenOf('October', legal, i))).body));
    expect(new Set(bodies).size).toBe(1);
    const page = JSON.parse(bodies[0]!);
    expect(page).toMatchObject({
      cycle: { id: cycleIds.October, label: 'October', closed: true },
      team: { name: 'Legal' },
      published: true,
      participation: { invited: 6, responded: 5 },
      actions: [{ title: 'No meetings on Friday mornings', status: 'planned', dueAt: '2027-01-31' }],
    });
    expect(page.reason).toBeUndefined();
    expect(page.scores.map((s: { construct: string }) => s.construct)).toEqual(['autonomy', 'competence', 'relatedness', 'openness']);
    for (const score of page.scores) {
      expect(score.team.mean).toBeGreaterThanOrEqual(0);
      expect(score.team.ciLow).toBeLessThanOrEqual(score.team.mean);
      expect(score.previous).toBeNull();
      // The organisation minus Legal would be Tiny's one answer: the ledger hides it, so this page does too.
      expect(score.organisation).toBeNull();
    }
    // No spread, no count of answers per construct, no comment: only what the page shows.
    expect(bodies[0]).not.toMatch(/"sd"|"n":|tiny team secret/);
  });

  it('tells a hidden team why, in plain words, with no figure and no comment', async () => {
    const answered = await results(tokenOf('October', tiny, 0));
    const unanswered = await results(tokenOf('October', tiny, 2));
    expect(answered.body).toBe(unanswered.body);
    const page = answered.json();
    expect(page).toMatchObject({ published: true, team: { name: 'Tiny' }, actions: [] });
    expect(page.reason).toMatch(/fewer than 5/i);
    expect(page.scores).toBeUndefined();
    expect(answered.body).not.toContain('tiny team secret');
    expect(answered.body).not.toContain('"mean"');
  });

  it("mails the leader's note to everyone invited from the team once, and shows it on every link's page", async () => {
    await clearOutbox(t.app);
    const leader = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: legal.id, user_id: leader.user.id }).execute();
    const first = await writeNote(leader, legal.id, cycleIds.October!, '  We heard you: Fridays stay free of meetings.  ');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      note: {
        body: 'We heard you: Fridays stay free of meetings.',
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        author: leader.user.name,
      },
      mailed: true,
    });
    const mails = await readOutbox(t.app);
    // Everyone invited, answered or not: the mail tells nobody who took part.
    expect(mails.map((m) => m.to).sort()).toEqual(legal.members.map((m) => m.email).sort());
    expect(mails.every((m) => m.subject.includes('October') && m.token === undefined)).toBe(true);

    const pages = await Promise.all([0, 5].map(async (i) => (await results(tokenOf('October', legal, i))).json()));
    expect(pages[0].note).toEqual({ body: 'We heard you: Fridays stay free of meetings.', at: first.json().note.at });
    expect(pages[1]).toEqual(pages[0]);
    // The page shows the words, not who wrote them.
    expect(JSON.stringify(pages[0])).not.toContain(leader.user.name);

    // A rewrite changes the page and mails nobody again.
    const again = await writeNote(hr, legal.id, cycleIds.October!, 'Fridays stay free, starting next week.');
    expect(again.json().mailed).toBe(false);
    expect(await readOutbox(t.app)).toHaveLength(mails.length);
    expect((await results(tokenOf('October', legal, 0))).json().note.body).toBe('Fridays stay free, starting next week.');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${legal.id}/notes/${cycleIds.October}`, headers: leader.headers });
    expect(read.json().note.body).toBe('Fridays stay free, starting next week.');
  });

  it('refuses a bad note (empty, too long, malformed ids, a team out of scope) with a clear 4xx, changing nothing', async () => {
    const before = await t.app.db.selectFrom('team_notes').selectAll().execute();
    const outsider = await loginAs(t.app, 'leader');
    const cases: [Session, string, string, unknown, number][] = [
      [hr, legal.id, cycleIds.October!, '   ', 400],
      [hr, legal.id, cycleIds.October!, 'x'.repeat(2001), 400],
      [hr, legal.id, 'not-a-cycle', 'Hello', 400],
      [hr, legal.id, '00000000-0000-4000-8000-000000000000', 'Hello', 404],
      [outsider, legal.id, cycleIds.October!, 'Hello', 404],
    ];
    for (const [who, team, cycle, body, status] of cases) {
      const res = await writeNote(who, team, cycle, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 20)).toBe(status);
      expect(res.json().error.code).toEqual(expect.any(String));
    }
    expect(await t.app.db.selectFrom('team_notes').selectAll().execute()).toEqual(before);
  });

  it("compares with the team's previous cycle, and a link keeps showing its own cycle", async () => {
    await openCycle('November');
    for (let i = 0; i < 6; i++) expect((await answer(tokenOf('November', legal, i), 4)).statusCode).toBe(201);
    await close('November');
    const october = (await results(tokenOf('October', legal, 0))).json();
    const november = (await results(tokenOf('November', legal, 0))).json();
    expect(october.cycle.label).toBe('October');
    expect(november.cycle.label).toBe('November');
    expect(november.participation).toEqual({ invited: 6, responded: 6 });
    const octoberAutonomy = october.scores.find((s: { construct: string }) => s.construct === 'autonomy');
    const novemberAutonomy = november.scores.find((s: { construct: string }) => s.construct === 'autonomy');
    expect(novemberAutonomy.previous).toEqual(octoberAutonomy.team);
    expect(novemberAutonomy.team.mean).toBeGreaterThan(octoberAutonomy.team.mean);
    // Nobody in Tiny answered in November, so the organisation's cell is visible this time.
    expect(novemberAutonomy.organisation).toEqual({ mean: expect.any(Number), ciLow: expect.any(Number), ciHigh: expect.any(Number) });
  });

  it('answers an unknown link 404 and a malformed one 400, in the shared error shape, changing nothing', async () => {
    const before = await t.app.db.selectFrom('invitations').select(['id', 'answered']).orderBy('id').execute();
    const unknown = await results('A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const malformed = await results('%E0%A4%A');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toEqual(expect.any(String));
    expect(await t.app.db.selectFrom('invitations').select(['id', 'answered']).orderBy('id').execute()).toEqual(before);
  });

  it('gives a signed-in member nothing more: their session opens no team results', async () => {
    const member = await loginAs(t.app, 'member', { teamId: legal.id });
    const trends = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${legal.id}/trends`, headers: member.headers });
    expect(trends.statusCode).toBe(403);
    // The session is no credential for a link's results either.
    const noLink = await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${'B'.repeat(43)}/results`, headers: member.headers });
    expect(noLink.statusCode).toBe(404);
  });
});
