import { describe, expect, it } from 'vitest';
import { loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { fullAnswers, openWindow, readOutbox, seedTeams, type SeededTeam } from '../support/pulse.js';
import { backend, type TestApp } from '../support/test-app.js';

const values = [
  { value: 'Responsive', cost: 'perfect' },
  { value: 'Plain language', cost: 'legal precision' },
];

describe(`shared values and the alignment item (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const put = (teamId: string, body: object, session = hr) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/teams/${teamId}/values`, headers: session.headers, payload: body });

  it('lets the team’s leader record up to three values, and nobody outside the team', async () => {
    const [legal, it] = (await seedTeams(t.app, { Legal: 1, IT: 1 })) as [SeededTeam, SeededTeam];
    const lena = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: legal.id, user_id: lena.user.id }).execute();
    const saved = await put(legal.id, { values }, lena);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ values });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${legal.id}/values`, headers: lena.headers });
    expect(read.json()).toEqual({ values });
    expect((await put(it.id, { values }, lena)).statusCode).toBe(404);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'values.update').execute();
    expect(audit).toEqual([{ action: 'values.update', target: legal.id }]);
  });

  it('answers 400 to a fourth value or a half-written one and keeps the old values', async () => {
    const [legal] = (await seedTeams(t.app, { Legal: 1 })) as [SeededTeam];
    await put(legal.id, { values });
    const four = await put(legal.id, { values: [...values, ...values] });
    expect(four.statusCode).toBe(400);
    expect(four.json().error.details[0]).toMatchObject({ path: 'values', message: 'A team records at most 3 values.' });
    const half = await put(legal.id, { values: [{ value: 'Fast', cost: '  ' }] });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details[0].path).toBe('values.0.cost');
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${legal.id}/values`, headers: hr.headers });
    expect(read.json()).toEqual({ values });
    // A team id that is not an id, on either method.
    for (const method of ['GET', 'PUT'] as const) {
      const bad = await t.app.inject({
        method,
        url: '/api/v1/teams/not-an-id/values',
        headers: hr.headers,
        ...(method === 'PUT' ? { payload: { values } } : {}),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('params.id');
    }
  });

  it('shows the values above one item in the pulse, requires it there, and scores alignment like a construct', async () => {
    const [legal, it] = (await seedTeams(t.app, { Legal: 6, IT: 5 })) as [SeededTeam, SeededTeam];
    await put(legal.id, { values });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'March', ...openWindow() },
    });
    const cycleId = created.json().cycle.id;
    const links = (await readOutbox(t.app)).map((m) => ({ token: m.token!, legal: legal.members.some((x) => x.email === m.to) }));

    const legalLink = links.find((l) => l.legal)!;
    const pulse = (await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${legalLink.token}` })).json();
    expect(pulse.values).toMatchObject({
      statements: ['Responsive even at the cost of perfect', 'Plain language even at the cost of legal precision'],
      item: { id: 'val_aligned', text: 'This month, the choices our team made matched these values.' },
    });
    const itLink = links.find((l) => !l.legal)!;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${itLink.token}` })).json().values).toBeNull();

    // Without the item a Legal member is asked for it; an IT member may not send it. Nothing is stored.
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${legalLink.token}`, payload: { answers: fullAnswers() } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'answers.val_aligned', message: 'is required' }]);
    const outOfRange = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${legalLink.token}`,
      payload: { answers: { ...fullAnswers(), val_aligned: 9 } },
    });
    expect(outOfRange.json().error.details).toEqual([{ path: 'answers.val_aligned', message: 'must be from 1 to 5' }]);
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${itLink.token}`,
      payload: { answers: { ...fullAnswers(), val_aligned: 3 } },
    });
    expect(extra.json().error.details).toEqual([{ path: 'answers.val_aligned', message: 'is not a question of this pulse' }]);
    expect(await t.app.db.selectFrom('responses').select('id').execute()).toEqual([]);

    // Legal answers 2, 3, 4, 4, 5, 5 → 25, 50, 75, 75, 100, 100: mean 70.83.
    const aligned = [2, 3, 4, 4, 5, 5];
    for (const link of links) {
      const answers = link.legal ? { ...fullAnswers(), val_aligned: aligned.pop()! } : fullAnswers();
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${link.token}`, payload: { answers } })).statusCode).toBe(201);
    }
    await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    const trends = async (teamId: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/teams/${teamId}/trends`, headers: hr.headers })).json().series[0];
    const point = await trends(legal.id);
    expect(point.alignment.n).toBe(6);
    expect(point.alignment.mean).toBeCloseTo(425 / 6, 6);
    expect(point.alignment.ciLow).toBeLessThan(point.alignment.mean);
    expect((await trends(it.id)).alignment).toBeUndefined();
  });

  it('hides alignment while fewer than k answered it, even when the team’s cell shows', async () => {
    const [legal] = (await seedTeams(t.app, { Legal: 7 })) as [SeededTeam];
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'April', ...openWindow() },
    });
    const links = await readOutbox(t.app);
    // Values are recorded while the pulse is open: only the last four answer the item.
    for (const [i, mail] of links.entries()) {
      if (i === 3) await put(legal.id, { values });
      const answers = i >= 3 ? { ...fullAnswers(), val_aligned: 4 } : fullAnswers();
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers } })).statusCode).toBe(201);
    }
    await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${created.json().cycle.id}/close`, headers: hr.headers });
    const point = (await t.app.inject({ method: 'GET', url: `/api/v1/teams/${legal.id}/trends`, headers: hr.headers })).json().series[0];
    expect(point.suppressed).toBe(false);
    expect(point.alignment).toBeUndefined();
  });
});
