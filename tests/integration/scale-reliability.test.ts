import type { DriversResponse, ReliabilityResponse } from '@pulse/shared/api/scales';
import { reliabilityByConstruct } from '@pulse/shared/instrument';
import { generateScenario, parseScenario } from '@pulse/shared/simulation';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { useDemoOrganisation } from '../support/demo.js';
import { clearOutbox, openWindow, readOutbox } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Issue 19: reliability of the scales and what goes with eNPS, over large groups of closed pulses only. */
describe(`the instrument's statistics (${backend})`, () => {
  const demo = useDemoOrganisation();
  const inject = (url: string, headers = demo.hr.headers) => demo.t.app.inject({ method: 'GET', url, headers });

  it("gives α, ω and item–total correlations per construct for the demo's last closed pulse, from all of its responses", async () => {
    const body = (await demo.get('/api/v1/instrument/reliability')) as ReliabilityResponse;
    const overview = await demo.get('/api/v1/overview');
    expect(body.cycle).toEqual(overview.cycle);
    expect(body.cycles).toEqual(overview.cycles);
    const responses = await demo.t.app.db
      .selectFrom('responses')
      .innerJoin('questionnaire_versions as v', 'v.version', 'responses.questionnaire_version')
      .where('cycle_id', '=', body.cycle!.id)
      .select(['v.core_version', 'answers'])
      .execute();
    expect(body.n).toBe(responses.length);
    expect(body.reason).toBeUndefined();
    expect(body.constructs.map((c) => c.construct)).toEqual(['autonomy', 'competence', 'relatedness', 'openness']);
    expect(body.constructs.map((c) => c.items.length)).toEqual([3, 3, 3, 4]);
    // The route serves the pure statistics over exactly this cycle's stored responses.
    // Scored on each response's core questionnaire (a stored version adds only eNPS and HR's questions).
    const expected = reliabilityByConstruct(responses.map((r) => ({ questionnaireVersion: r.core_version, answers: r.answers })));
    for (const [i, c] of body.constructs.entries()) {
      const e = expected[i]!;
      expect(c.n).toBe(responses.length);
      expect(c.alpha).toBeCloseTo(e.alpha, 10);
      expect(c.omega).toBeCloseTo(e.omega, 10);
      expect(c.alphaCi[0]).toBeLessThan(c.alpha);
      expect(c.alphaCi[1]).toBeGreaterThan(c.alpha);
      c.items.forEach((item, j) => expect(item.itemTotal).toBeCloseTo(e.items[j]!.itemTotal, 10));
    }
    expect(body.constructs[0]!.items.find((item) => item.id === 'aut_pushed')).toMatchObject({
      reverse: true,
      text: 'I feel pushed into work I disagree with.',
    });
    // No subtree of the demo reaches 100 respondents, so none gets figures.
    expect(body.subtrees).toEqual([]);
  });

  it('answers the same figures again for an earlier pulse chosen by id', async () => {
    const { cycles } = (await demo.get('/api/v1/instrument/reliability')) as ReliabilityResponse;
    const earlier = (await demo.get(`/api/v1/instrument/reliability?cycleId=${cycles[3]!.id}`)) as ReliabilityResponse;
    expect(earlier.cycle).toEqual(cycles[3]);
    expect(earlier.constructs).toHaveLength(4);
    expect(await demo.get(`/api/v1/instrument/reliability?cycleId=${cycles[3]!.id}`)).toEqual(earlier);
  });

  it('refuses bad input with a clear 4xx: a malformed id 400, an unknown or still-open pulse 404, a team outside the pulse 404', async () => {
    const bad = await inject('/api/v1/instrument/reliability?cycleId=march');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    expect(bad.json().error.details[0].path).toBe('query.cycleId');
    expect((await inject(`/api/v1/instrument/reliability?cycleId=${UNKNOWN_ID}`)).statusCode).toBe(404);
    const open = await demo.t.app.db.selectFrom('cycles').where('status', '=', 'open').select('id').executeTakeFirstOrThrow();
    expect((await inject(`/api/v1/instrument/reliability?cycleId=${open.id}`)).json().error.code).toBe('not_found');
    expect((await inject(`/api/v1/instrument/drivers?cycleId=${open.id}`)).statusCode).toBe(404);
    expect((await inject('/api/v1/instrument/drivers?teamId=legal')).statusCode).toBe(400);
    expect((await inject(`/api/v1/instrument/drivers?teamId=${UNKNOWN_ID}`)).statusCode).toBe(404);
  });

  it('is for HR and admins only: leaders and members get 403, no session 401', async () => {
    for (const url of ['/api/v1/instrument/reliability', '/api/v1/instrument/drivers']) {
      expect((await inject(url, (await loginAs(demo.t.app, 'admin')).headers)).statusCode).toBe(200);
      expect((await inject(url, (await loginAs(demo.t.app, 'leader')).headers)).statusCode).toBe(403);
      expect((await inject(url, (await loginAs(demo.t.app, 'member')).headers)).statusCode).toBe(403);
      expect((await inject(url, {} as typeof demo.hr.headers)).statusCode).toBe(401);
    }
  });

  it('gives no weights for a group below 100 respondents, even where its scores are shown', async () => {
    const body = (await demo.get(`/api/v1/instrument/drivers?teamId=${demo.teamId.Legal}`)) as DriversResponse;
    expect(body.weights).toEqual([]);
    expect(['too_few', 'hidden']).toContain(body.reasonCode);
  });

  it("weighs the four needs on eNPS once a pulse's responses carry it: weights sum to R², intervals around them", async () => {
    const { cycles } = (await demo.get('/api/v1/instrument/reliability')) as ReliabilityResponse;
    const cycleId = cycles[5]!.id;
    // As the eNPS item stores it: an integer 0–10 in the same answers, here following relatedness.
    await sql`update responses set answers = answers || jsonb_build_object('enps', least(10, greatest(0, (answers->>'rel_team')::int * 2 + (answers->>'ope_yes')::int - 3)))
      where cycle_id = ${cycleId}`.execute(demo.t.app.db);
    const body = (await demo.get(`/api/v1/instrument/drivers?cycleId=${cycleId}`)) as DriversResponse;
    const responded = await demo.t.app.db
      .selectFrom('responses')
      .where('cycle_id', '=', cycleId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(body.reason).toBeUndefined();
    expect(body.n).toBe(Number(responded.n));
    expect(body.weights.map((w) => w.construct)).toEqual(['autonomy', 'competence', 'relatedness', 'openness']);
    expect(body.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(body.rSquared!, 10);
    expect(body.weights.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1, 10);
    const top = [...body.weights].sort((a, b) => b.weight - a.weight)[0]!;
    expect(top.construct).toBe('relatedness');
    for (const w of body.weights) {
      expect(w.ci![0]).toBeLessThanOrEqual(w.weight);
      expect(w.ci![1]).toBeGreaterThanOrEqual(w.weight);
    }
  });
});

/** A subtree of 100 or more gets its own figures, from its own answers; a smaller one never does. */
describe(`the instrument's statistics for large subtrees (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  const teamIds: Record<string, string> = {};
  const answersOf: Record<string, Record<string, number>[]> = { Big: [], Small: [] };

  beforeAll(async () => {
    t = await createTestApp();
    const { app } = t;
    hr = await loginAs(app, 'hr');
    // This pulse asks no eNPS: the simulator's answers hold the four constructs only.
    expect(
      (await app.inject({ method: 'PUT', url: '/api/v1/questionnaire/enps', headers: hr.headers, payload: { enabled: false } })).statusCode,
    ).toBe(200);
    const sizes = { Big: 110, Small: 40 } as const;
    for (const [name, size] of Object.entries(sizes)) {
      teamIds[name] = (await app.db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
      await app.db
        .insertInto('users')
        .values(
          Array.from({ length: size }, (_, i) => ({
            email: `${name}${i}@example.test`,
            name: `${name} ${i}`,
            role: 'member' as const,
            team_id: teamIds[name]!,
          })),
        )
        .execute();
    }
    // Varied answers from the simulator: one team of 150 people who all answer.
    const generated = generateScenario(
      parseScenario({
        name: 'large',
        seed: 7,
        cycles: 2,
        teams: 1,
        teamSize: { min: 150, max: 150 },
        responseRate: { min: 1, max: 1 },
        patterns: [{ pattern: 'stable', share: 1 }],
      }),
    );
    const pool = [...[...generated.cycles()][0]!.teams.values()][0]!.answers;
    await clearOutbox(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'June', ...openWindow() },
    });
    const cycleId = created.json().cycle.id as string;
    for (const mail of await readOutbox(app)) {
      const team = /big\d+@/i.test(mail.to) ? 'Big' : 'Small';
      const answers = pool.pop()!;
      answersOf[team]!.push(answers);
      expect((await app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers } })).statusCode).toBe(201);
    }
    expect((await app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: hr.headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('shows the organisation and the team of 110 from its own answers, and not the team of 40', async () => {
    const body = (await get('/api/v1/instrument/reliability')) as ReliabilityResponse;
    expect(body.n).toBe(150);
    expect(body.constructs.map((c) => c.n)).toEqual([150, 150, 150, 150]);
    expect(body.subtrees.map((s) => [s.team.name, s.n])).toEqual([['Big', 110]]);
    const big = reliabilityByConstruct(answersOf.Big!.map((answers) => ({ questionnaireVersion: 1, answers })));
    body.subtrees[0]!.constructs.forEach((c, i) => {
      expect(c.n).toBe(110);
      expect(c.alpha).toBeCloseTo(big[i]!.alpha, 10);
      expect(c.omega).toBeCloseTo(big[i]!.omega, 10);
    });
  });

  it('gives a subtree weights only from 100 respondents: the team of 40 is too small, the team of 110 has no eNPS answers', async () => {
    expect(await get(`/api/v1/instrument/drivers?teamId=${teamIds.Small}`)).toMatchObject({
      teamId: teamIds.Small,
      weights: [],
      reasonCode: 'too_few',
      minimum: 100,
    });
    expect(await get(`/api/v1/instrument/drivers?teamId=${teamIds.Big}`)).toMatchObject({
      teamId: teamIds.Big,
      weights: [],
      reasonCode: 'no_enps',
    });
    // A pulse that asked no eNPS says so plainly, for the organisation too, and shows no weights.
    const org = (await get('/api/v1/instrument/drivers')) as DriversResponse;
    expect(org).toMatchObject({ teamId: null, outcome: 'enps', n: 0, rSquared: null, weights: [], reasonCode: 'no_enps' });
    expect(org.reason).toMatch(/eNPS/);
  });
});
