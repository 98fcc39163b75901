import { currentQuestionnaire } from '@pulse/shared';
import { recomputeInsights } from '@pulse/server/features/close/close.service';
import { alignFiguresWithThreshold } from '@pulse/server/features/close/threshold.service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, openWindow, readOutbox } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/** Answers scoring autonomy 25·(v−1): both satisfaction items v, the frustration item 6−v. */
function answersWithAutonomy(v: number): Record<string, number> {
  const answers = { ...Object.fromEntries(currentQuestionnaire.items.map((item) => [item.id, 3])), enps: 8 };
  return { ...answers, aut_say: v, aut_values: v, aut_pushed: 6 - v };
}

describe(`insights after a cycle closes (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let legalLeader: Session;
  let member: Session;
  const ids: Record<string, string> = {};
  let cycleId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const app = t.app;
    hr = await loginAs(app, 'hr');
    // Operations (no own members) has Legal 6, IT 5 and Tiny 2.
    const ops = await app.db.insertInto('teams').values({ name: 'Operations' }).returning('id').executeTakeFirstOrThrow();
    ids.ops = ops.id;
    for (const [name, size] of [
      ['Legal', 6],
      ['IT', 5],
      ['Tiny', 2],
    ] as const) {
      const team = await app.db.insertInto('teams').values({ name, parent_id: ops.id }).returning('id').executeTakeFirstOrThrow();
      ids[name] = team.id;
      for (let i = 0; i < size; i++) {
        await app.db
          .insertInto('users')
          .values({ email: `${name}${i}@example.test`, name: `${name} ${i}`, role: 'member', team_id: team.id })
          .execute();
      }
    }
    legalLeader = await loginAs(app, 'leader');
    await app.db.insertInto('team_leaders').values({ team_id: ids.Legal!, user_id: legalLeader.user.id }).execute();
    member = await loginAs(app, 'member', { teamId: ids.IT });

    await clearOutbox(app);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'March', ...openWindow() },
    });
    expect(created.statusCode).toBe(201);
    cycleId = created.json().cycle.id;

    // Legal's autonomy answers are 2,3,3,4,4,5; everyone else answers 3 throughout.
    const legalValues = [2, 3, 3, 4, 4, 5];
    for (const mail of await readOutbox(app)) {
      const team = Object.keys(ids).find((name) => mail.to.toLowerCase().startsWith(name.toLowerCase()));
      if (!team || !mail.token) continue;
      const answers = team === 'Legal' ? answersWithAutonomy(legalValues.pop()!) : answersWithAutonomy(3);
      const comment = team === 'Tiny' ? 'tiny team secret' : `${team} comment`;
      const res = await app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers, comment } });
      expect(res.statusCode).toBe(201);
    }
    const closed = await app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    expect(closed.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

  it('scores a team with the mean and the t-based 95% interval, computed by hand', async () => {
    const res = await get(hr, `/api/v1/teams/${ids.Legal}/trends`);
    expect(res.statusCode).toBe(200);
    const [point] = res.json().series;
    expect(point).toMatchObject({ cycleId, label: 'March', invited: 6, responded: 6, suppressed: false });
    // Autonomy 25, 50, 50, 75, 75, 100: mean 62.5, sd √687.5, half-width t(0.975, 5)·sd/√6.
    const autonomy = point.scores.autonomy;
    expect(autonomy.n).toBe(6);
    expect(autonomy.mean).toBeCloseTo(62.5, 10);
    expect(autonomy.sd).toBeCloseTo(26.2202, 3);
    expect(autonomy.ciLow).toBeCloseTo(34.984, 2);
    expect(autonomy.ciHigh).toBeCloseTo(90.016, 2);
    // Everything else was answered 3: 50 points with no spread.
    expect(point.scores.relatedness).toMatchObject({ mean: 50, n: 6, ciLow: 50, ciHigh: 50 });
  });

  it('suppresses the small team, and the parent whose difference would reveal it', async () => {
    const overview = await get(hr, `/api/v1/overview?cycleId=${cycleId}`);
    expect(overview.statusCode).toBe(200);
    const rows = Object.fromEntries(overview.json().rows.map((r: { team: { name: string } }) => [r.team.name, r]));
    expect(rows.Tiny).toMatchObject({ suppressed: true, responded: 2, invited: 2, reasonCode: 'below_threshold' });
    expect(rows.Tiny.scores).toBeUndefined();
    // Operations = Legal + IT + Tiny: showing it next to Legal and IT would give Tiny away.
    expect(rows.Operations).toMatchObject({ suppressed: true, reasonCode: 'complementary' });
    expect(rows.Operations.scores).toBeUndefined();
    expect(rows.Legal.suppressed).toBe(false);
    expect(rows.IT.suppressed).toBe(false);
    expect(rows.Operations.team.path).toBe('Operations');
    expect(rows.Legal.team.path).toBe('Operations/Legal');
  });

  it('never shows a figure of a suppressed cell anywhere, the organisation comparison included', async () => {
    const trends = await get(hr, `/api/v1/teams/${ids.Tiny}/trends`);
    expect(trends.json().series[0]).toMatchObject({ suppressed: true, reason: expect.stringContaining('fewer than 5') });
    expect(trends.json().series[0].scores).toBeUndefined();
    const ops = (await get(hr, `/api/v1/teams/${ids.ops}/trends`)).json();
    expect(ops.series[0].scores).toBeUndefined();
    expect(ops.comparison.name).toBe('Organisation');
    expect(ops.comparison.series[0].scores).toBeUndefined();
  });

  it('shows comments only for groups at or above the threshold, without sub-team attribution', async () => {
    const legal = (await get(hr, `/api/v1/teams/${ids.Legal}/comments`)).json();
    expect(legal.comments.map((c: { text: string }) => c.text)).toEqual(Array(6).fill('Legal comment'));
    expect(legal.comments[0]).toEqual({ id: expect.any(String), text: 'Legal comment', replies: [] });
    const tiny = (await get(hr, `/api/v1/teams/${ids.Tiny}/comments`)).json();
    expect(tiny.comments).toBeNull();
    expect(tiny.reason).toMatch(/fewer than 5/);
    const ops = (await get(hr, `/api/v1/teams/${ids.ops}/comments`)).json();
    expect(ops.comments).toBeNull();
    const everything = JSON.stringify([legal, tiny, ops, (await get(hr, `/api/v1/teams/${ids.IT}/comments`)).json()]);
    expect(everything).not.toContain('tiny team secret');
  });

  it('limits a leader to their subtree and a member to nothing', async () => {
    const own = await get(legalLeader, `/api/v1/teams/${ids.Legal}/trends`);
    expect(own.statusCode).toBe(200);
    // Operations is not theirs: the comparison line is the organisation, not the parent.
    expect(own.json().comparison.name).toBe('Organisation');
    expect((await get(legalLeader, `/api/v1/teams/${ids.IT}/trends`)).statusCode).toBe(404);
    expect((await get(legalLeader, `/api/v1/teams/${ids.IT}/comments`)).statusCode).toBe(404);
    const overview = (await get(legalLeader, '/api/v1/overview')).json();
    expect(overview.rows.map((r: { team: { name: string } }) => r.team.name)).toEqual(['Legal']);
    expect((await get(member, `/api/v1/teams/${ids.IT}/trends`)).statusCode).toBe(403);
    expect((await get(member, '/api/v1/overview')).statusCode).toBe(403);
    expect((await get(member, '/api/v1/alerts')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/overview' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers bad input with 400 or 404 in the error shape', async () => {
    const bad = [
      await get(hr, '/api/v1/teams/not-a-uuid/trends'),
      await get(hr, `/api/v1/teams/${ids.Legal}/trends?from=yesterday`),
      await get(hr, '/api/v1/overview?cycleId=42'),
      await get(hr, '/api/v1/alerts?status=maybe'),
      await get(hr, `/api/v1/teams/${ids.Legal}/comments?cycleId=x`),
    ];
    for (const res of bad) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_request', details: expect.any(Array) });
    }
    expect((await get(hr, '/api/v1/teams/00000000-0000-4000-8000-000000000000/trends')).statusCode).toBe(404);
    expect((await get(hr, '/api/v1/overview?cycleId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const ack = await t.app.inject({
      method: 'POST',
      url: '/api/v1/alerts/00000000-0000-4000-8000-000000000000/acknowledge',
      headers: hr.headers,
      payload: { note: '' },
    });
    expect(ack.statusCode).toBe(400);
    expect(ack.json().error.details[0].path).toBe('note');
  });

  it('recomputes idempotently: closing again changes nothing', async () => {
    const before = (await get(hr, `/api/v1/overview?cycleId=${cycleId}`)).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    expect((await get(hr, `/api/v1/overview?cycleId=${cycleId}`)).json()).toEqual(before);
  });

  it('follows a threshold change at once, for history too', async () => {
    const admin = await loginAs(t.app, 'admin');
    const raised = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: admin.headers,
      payload: { anonymityThreshold: 6 },
    });
    expect(raised.statusCode).toBe(200);
    const overview = (await get(hr, `/api/v1/overview?cycleId=${cycleId}`)).json();
    const rows = Object.fromEntries(overview.rows.map((r: { team: { name: string } }) => [r.team.name, r]));
    expect(overview.threshold).toBe(6);
    expect(rows.IT).toMatchObject({ suppressed: true, responded: 5, reason: expect.stringContaining('fewer than 6') });
    expect(rows.Legal.suppressed).toBe(false);
  });

  it('never serves figures built at another threshold than the one in force, even when it changed without a rebuild', async () => {
    const itSuppressed = async () => {
      const overview = (await get(hr, `/api/v1/overview?cycleId=${cycleId}`)).json();
      return overview.rows.find((r: { team: { name: string } }) => r.team.name === 'IT').suppressed as boolean;
    };
    // The admin's 6 disappears (as when ANONYMITY_THRESHOLD alone decides): 5 is in force, the figures were built at 6.
    await t.app.db.deleteFrom('settings').where('key', '=', 'anonymity_threshold').execute();
    expect(await itSuppressed()).toBe(true);
    // Closing any other cycle rebuilds this one too, not only the closing one.
    await t.app.db.transaction().execute((trx) => recomputeInsights(trx, 5, []));
    expect(await itSuppressed()).toBe(false);
    // And start-up aligns them (here back to an admin's 6), once.
    await t.app.db
      .insertInto('settings')
      .values({ key: 'anonymity_threshold', value: JSON.stringify(6) })
      .execute();
    expect(await alignFiguresWithThreshold(t.app.db, t.config)).toBe(true);
    expect(await itSuppressed()).toBe(true);
    expect(await alignFiguresWithThreshold(t.app.db, t.config)).toBe(false);
  });
});
