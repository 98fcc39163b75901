import { currentQuestionnaire } from '@pulse/shared';
import { deliverDigests } from '@pulse/server/features/digests/digests.service';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, openWindow, readOutbox } from '../support/pulse.js';
import { referencedTables, tableColumns } from '../support/schema.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/** Answers scoring relatedness 25·(v−1): both satisfaction items v, the frustration item 6−v; the rest 3. */
function answersWithRelatedness(v: number): Record<string, number> {
  const answers = { ...Object.fromEntries(currentQuestionnaire.items.map((item) => [item.id, 3])), enps: 8 };
  return { ...answers, rel_team: v, rel_beyond: v, rel_outsider: 6 - v };
}

describe(`actions: commit, change, feedback and effect (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let legalLeader: Session;
  let itLeader: Session;
  let member: Session;
  const ids: Record<string, string> = {};

  const call = (session: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { origin: t.config.publicUrl, ...(session?.headers ?? {}) }, ...(payload ? { payload } : {}) });
  const create = (session: Session, teamId: string, payload: object) => call(session, 'POST', `/api/v1/teams/${teamId}/actions`, payload);
  const patch = (session: Session, id: string, payload: object) => call(session, 'PATCH', `/api/v1/actions/${id}`, payload);
  const countRows = async () => ({
    actions: (
      await t.app.db
        .selectFrom('actions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    audit: (
      await t.app.db
        .selectFrom('audit_log')
        .where('action', 'like', 'actions.%')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  });

  /** Opens a cycle, lets each member of the named teams answer with `answer(team, i)`, and closes it. */
  async function runCycle(
    label: string,
    answer: (team: string, i: number) => { answers: Record<string, number>; actionAnswers?: Record<string, number> } | null,
  ) {
    await clearOutbox(t.app);
    const created = await call(hr, 'POST', '/api/v1/cycles', { label, ...openWindow() });
    expect(created.statusCode).toBe(201);
    const cycleId = created.json().cycle.id as string;
    const seen: Record<string, number> = {};
    for (const mail of await readOutbox(t.app)) {
      const team = ['Legal', 'IT'].find((name) => mail.to.toLowerCase().startsWith(name.toLowerCase()));
      if (!team || !mail.token) continue;
      const i = (seen[team] = (seen[team] ?? -1) + 1);
      const body = answer(team, i);
      if (!body) continue;
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: body });
      expect(res.statusCode, res.body).toBe(201);
    }
    const closed = await call(hr, 'POST', `/api/v1/cycles/${cycleId}/close`);
    expect(closed.statusCode).toBe(200);
    return cycleId;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const app = t.app;
    hr = await loginAs(app, 'hr');
    const ops = await app.db.insertInto('teams').values({ name: 'Operations' }).returning('id').executeTakeFirstOrThrow();
    ids.ops = ops.id;
    for (const name of ['Legal', 'IT']) {
      const team = await app.db.insertInto('teams').values({ name, parent_id: ops.id }).returning('id').executeTakeFirstOrThrow();
      ids[name] = team.id;
      for (let i = 0; i < 6; i++) {
        await app.db
          .insertInto('users')
          .values({ email: `${name}${i}@example.test`, name: `${name} ${i}`, role: 'member', team_id: team.id })
          .execute();
      }
    }
    legalLeader = await loginAs(app, 'leader');
    await app.db.insertInto('team_leaders').values({ team_id: ids.Legal!, user_id: legalLeader.user.id }).execute();
    itLeader = await loginAs(app, 'leader');
    await app.db.insertInto('team_leaders').values({ team_id: ids.IT!, user_id: itLeader.user.id }).execute();
    member = await loginAs(app, 'member', { teamId: ids.IT });
  }, 180_000);
  afterAll(() => t.close());

  it('lets a leader commit their team to an action, owned by them by default, and audits it', async () => {
    const res = await create(legalLeader, ids.Legal!, {
      title: 'Publish a request menu',
      construct: 'openness',
      remedy: 'Publish a request menu',
      dueAt: '2099-01-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { action } = res.json();
    expect(action).toMatchObject({
      teamId: ids.Legal,
      teamName: 'Legal',
      title: 'Publish a request menu',
      construct: 'openness',
      alertId: null,
      status: 'planned',
      ownerId: legalLeader.user.id,
      dueAt: '2099-01-31',
      overdue: false,
      startedAt: null,
      effect: { construct: 'openness', verdict: 'too_early', beforeCycles: 0, afterCycles: 0, difference: null },
      feedback: null,
    });
    const list = await call(legalLeader, 'GET', `/api/v1/teams/${ids.Legal}/actions`);
    expect(list.statusCode).toBe(200);
    expect(list.json().actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
    // Owners: the team's leader and HR, never the leader of a sibling team.
    const owners = list.json().owners.map((o: { id: string }) => o.id);
    expect(owners).toContain(legalLeader.user.id);
    expect(owners).toContain(hr.user.id);
    expect(owners).not.toContain(itLeader.user.id);
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('target', '=', `action:${action.id}`).execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['actions.create', legalLeader.user.id]]);
  });

  it('is in the OpenAPI document with its bodies and answers', async () => {
    const { paths } = (await call(null, 'GET', '/api/v1/openapi.json')).json();
    expect(Object.keys(paths['/api/v1/teams/{id}/actions']).sort()).toEqual(['get', 'post']);
    expect(paths['/api/v1/teams/{id}/actions'].post.requestBody.content['application/json'].schema.required).toEqual(['title']);
    expect(Object.keys(paths['/api/v1/teams/{id}/actions'].post.responses)).toContain('201');
    expect(Object.keys(paths['/api/v1/actions/{id}'].patch.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    const action = paths['/api/v1/actions/{id}'].patch.responses['200'].content['application/json'].schema.properties.action;
    expect(action.required).toEqual(
      expect.arrayContaining(['id', 'teamId', 'title', 'construct', 'alertId', 'status', 'ownerId', 'dueAt', 'createdAt', 'effect']),
    );
    expect(paths['/api/v1/actions'].get).toBeDefined();
  });

  it('keeps actions inside the scope of the team trends: other leaders 404, members 403, no session 401', async () => {
    const { action } = (await create(hr, ids.IT!, { title: 'IT review' })).json();
    expect(action.ownerId).toBe(hr.user.id);
    expect((await call(legalLeader, 'GET', `/api/v1/teams/${ids.IT}/actions`)).statusCode).toBe(404);
    expect((await create(legalLeader, ids.IT!, { title: 'Meddle' })).statusCode).toBe(404);
    expect((await patch(legalLeader, action.id, { title: 'Meddled' })).statusCode).toBe(404);
    expect((await call(member, 'GET', `/api/v1/teams/${ids.IT}/actions`)).statusCode).toBe(403);
    expect((await create(member, ids.IT!, { title: 'x' })).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/v1/teams/${ids.IT}/actions`)).statusCode).toBe(401);
    const mine = (await call(legalLeader, 'GET', '/api/v1/actions')).json().actions;
    expect(mine.every((a: { teamId: string }) => a.teamId === ids.Legal)).toBe(true);
    const all = (await call(hr, 'GET', '/api/v1/actions')).json().actions;
    expect(all.some((a: { teamId: string }) => a.teamId === ids.IT)).toBe(true);
  });

  it('moves planned → in progress → done only, drops with a reason, and audits each change', async () => {
    const { action } = (await create(legalLeader, ids.Legal!, { title: 'Weekly joint review' })).json();
    expect((await patch(legalLeader, action.id, { status: 'done' })).statusCode).toBe(409);
    const started = await patch(legalLeader, action.id, { status: 'in_progress' });
    expect(started.statusCode).toBe(200);
    expect(started.json().action).toMatchObject({ status: 'in_progress', startedAt: expect.any(String) });
    expect((await patch(legalLeader, action.id, { status: 'planned' })).statusCode).toBe(409);
    const noReason = await patch(legalLeader, action.id, { status: 'dropped' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'note' })]));
    const dropped = await patch(legalLeader, action.id, { status: 'dropped', note: 'The partners asked for a monthly one instead.' });
    expect(dropped.json().action).toMatchObject({
      status: 'dropped',
      note: 'The partners asked for a monthly one instead.',
      finishedAt: expect.any(String),
    });
    expect((await patch(legalLeader, action.id, { title: 'Again' })).statusCode).toBe(409);
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('target', '=', `action:${action.id}`).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.details.from ?? null, a.details.to ?? null])).toEqual([
      ['actions.create', null, null],
      ['actions.update', 'planned', 'in_progress'],
      ['actions.update', 'in_progress', 'dropped'],
    ]);
  });

  it('answers bad input with a clear 4xx in the error shape and changes nothing', async () => {
    const { action } = (await create(legalLeader, ids.Legal!, { title: 'Bad-input target' })).json();
    const before = await countRows();
    const bad = [
      await create(legalLeader, ids.Legal!, {}),
      await create(legalLeader, ids.Legal!, { title: '   ' }),
      await create(legalLeader, ids.Legal!, { title: 'x'.repeat(201) }),
      await create(legalLeader, ids.Legal!, { title: 'x', construct: 'happiness' }),
      await create(legalLeader, ids.Legal!, { title: 'x', dueAt: 'tomorrow' }),
      await create(legalLeader, ids.Legal!, { title: 'x', ownerId: 'me' }),
      await create(legalLeader, ids.Legal!, { title: 'x', ownerId: itLeader.user.id }),
      await create(legalLeader, ids.Legal!, { title: 'x', alertId: '00000000-0000-4000-8000-000000000000' }),
      await call(legalLeader, 'POST', '/api/v1/teams/not-a-uuid/actions', { title: 'x' }),
      await patch(legalLeader, action.id, {}),
      await patch(legalLeader, action.id, { status: 'finished' }),
      await patch(legalLeader, action.id, { dueAt: '31/01/2027' }),
      await patch(legalLeader, action.id, { ownerId: itLeader.user.id }),
      await patch(legalLeader, 'not-a-uuid', { title: 'x' }),
      await call(hr, 'GET', '/api/v1/actions?status=maybe'),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await create(legalLeader, '00000000-0000-4000-8000-000000000000', { title: 'x' })).statusCode).toBe(404);
    expect((await patch(legalLeader, '00000000-0000-4000-8000-000000000000', { title: 'x' })).statusCode).toBe(404);
    expect(await countRows()).toEqual(before);
    const unchanged = (await call(legalLeader, 'GET', `/api/v1/teams/${ids.Legal}/actions`))
      .json()
      .actions.find((a: { id: string }) => a.id === action.id);
    expect(unchanged).toMatchObject({ title: 'Bad-input target', status: 'planned', ownerId: legalLeader.user.id, dueAt: null });
  });

  it('asks the team about its actions in progress in the pulse, stores answers anonymously, and shows them only from k raters', async () => {
    const { action: rated } = (await create(legalLeader, ids.Legal!, { title: 'Request menu', construct: 'relatedness' })).json();
    const { action: fewRaters } = (await create(legalLeader, ids.Legal!, { title: 'Office hours' })).json();
    await patch(legalLeader, rated.id, { status: 'in_progress' });
    await patch(legalLeader, fewRaters.id, { status: 'in_progress' });

    await clearOutbox(t.app);
    const created = await call(hr, 'POST', '/api/v1/cycles', { label: 'Feedback month', ...openWindow() });
    const cycleId = created.json().cycle.id as string;
    const mails = await readOutbox(t.app);
    const legal = mails.filter((m) => m.to.toLowerCase().startsWith('legal'));
    const it = mails.filter((m) => m.to.toLowerCase().startsWith('it'));
    const legalPulse = (await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${legal[0]!.token}` })).json();
    expect(legalPulse.actions).toEqual([
      {
        id: rated.id,
        title: 'Request menu',
        item: {
          text: 'This change is making a difference for us.',
          scale: expect.objectContaining({ min: 1, max: 5 }),
          notNoticed: 'Not noticed yet',
        },
      },
      expect.objectContaining({ id: fewRaters.id, title: 'Office hours' }),
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${it[0]!.token}` })).json().actions).toEqual([]);

    // Bad action answers: 400, nothing stored, the link still usable.
    const answers = answersWithRelatedness(3);
    for (const actionAnswers of [
      { [rated.id]: 6 },
      { [rated.id]: 0 },
      { '00000000-0000-4000-8000-000000000000': 3 },
      { [rated.id]: 2.5 },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${legal[0]!.token}`, payload: { answers, actionAnswers } });
      expect(res.statusCode, JSON.stringify(actionAnswers)).toBe(400);
    }
    const itAnswer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${it[0]!.token}`,
      payload: { answers, actionAnswers: { [rated.id]: 5 } },
    });
    expect(itAnswer.statusCode).toBe(400);
    expect(await t.app.db.selectFrom('action_answers').selectAll().execute()).toEqual([]);

    // Five rate the menu 4, 4, 5, 5, 3; two of them also rate office hours; one has not noticed anything.
    const menu = [4, 4, 5, 5, 3];
    for (const [i, mail] of legal.entries()) {
      const actionAnswers = i < 5 ? { [rated.id]: menu[i]!, ...(i < 2 ? { [fewRaters.id]: 2 } : {}) } : {};
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers, actionAnswers } });
      expect(res.statusCode).toBe(201);
    }
    // An answer row holds the cycle, the action and the answer under a random id: no rater, team or time.
    expect(await tableColumns(t.app.db, 'action_answers')).toEqual([
      { column_name: 'action_id', data_type: 'uuid' },
      { column_name: 'answer', data_type: 'smallint' },
      { column_name: 'cycle_id', data_type: 'uuid' },
      { column_name: 'id', data_type: 'uuid' },
    ]);
    expect(await referencedTables(t.app.db, 'action_answers')).toEqual(['actions', 'cycles']);
    expect(
      await t.app.db.selectFrom('action_answers').select('answer').where('action_id', '=', rated.id).orderBy('answer').execute(),
    ).toEqual([3, 4, 4, 5, 5].map((answer) => ({ answer })));

    // While the cycle is open nothing is shown, not even a count.
    const open = (await call(legalLeader, 'GET', `/api/v1/teams/${ids.Legal}/actions`)).json().actions;
    expect(open.find((a: { id: string }) => a.id === rated.id).feedback).toBeNull();

    expect((await call(hr, 'POST', `/api/v1/cycles/${cycleId}/close`)).statusCode).toBe(200);
    const closed = (await call(legalLeader, 'GET', `/api/v1/teams/${ids.Legal}/actions`)).json().actions;
    // Menu: answers 4,4,5,5,3 → 75,75,100,100,50: mean 80, sd √(2·25+2·400+900)/… = √437.5, t(0.975, 4) = 2.776.
    const feedback = closed.find((a: { id: string }) => a.id === rated.id).feedback;
    expect(feedback.cycleLabel).toBe('Feedback month');
    expect(feedback.score.n).toBe(5);
    expect(feedback.score.mean).toBeCloseTo(80, 10);
    expect(feedback.score.ciLow).toBeCloseTo(80 - (2.776 * Math.sqrt(437.5)) / Math.sqrt(5), 1);
    const hidden = closed.find((a: { id: string }) => a.id === fewRaters.id).feedback;
    expect(hidden).toEqual({ cycleLabel: 'Feedback month', reason: expect.stringContaining('Fewer than 5') });
    await patch(legalLeader, rated.id, { status: 'done' });
    await patch(legalLeader, fewRaters.id, { status: 'dropped', note: 'No one came.' });
  });

  it('reports the effect as a difference-in-differences with its interval once visible cycles follow the start', async () => {
    const { action } = (await create(hr, ids.Legal!, { title: 'Know our customers', construct: 'relatedness' })).json();
    // Two cycles before: Legal's relatedness answers 2,3,3,4,4,5 (25…100, mean 62.5); IT answers 3 (50).
    const before = [2, 3, 3, 4, 4, 5];
    const after = [3, 4, 4, 5, 5, 5];
    for (const label of ['Before 1', 'Before 2'])
      await runCycle(label, (team, i) => ({ answers: answersWithRelatedness(team === 'Legal' ? before[i]! : 3) }));
    await patch(hr, action.id, { status: 'in_progress' });
    // Test cycles open an hour before they are created: date the start just after "Before 2" opened.
    await sql`update actions set started_at = (select opens_at from cycles where label = 'Before 2') + interval '1 millisecond' where id = ${action.id}`.execute(
      t.app.db,
    );
    await runCycle('After 1', (team, i) => ({ answers: answersWithRelatedness(team === 'Legal' ? after[i]! : 3) }));
    const early = (await call(hr, 'GET', `/api/v1/teams/${ids.Legal}/actions`))
      .json()
      .actions.find((a: { id: string }) => a.id === action.id);
    expect(early.effect).toMatchObject({ verdict: 'too_early', beforeCycles: 2, afterCycles: 1, startCycleLabel: 'After 1' });

    await runCycle('After 2', (team, i) => ({ answers: answersWithRelatedness(team === 'Legal' ? after[i]! : 3) }));
    const res = await call(hr, 'GET', `/api/v1/teams/${ids.Legal}/actions`);
    const { effect } = res.json().actions.find((a: { id: string }) => a.id === action.id);
    // "Feedback month" had no answers from IT, so no comparison group: it does not count.
    // Team before: 25, 50, 50, 75, 75, 100 twice (mean 62.5, m2 2·3437.5); after: 50, 75, 75, 100, 100, 100
    // twice (mean 83.333, m2 2·2083.333). Comparison: Operations without Legal, i.e. IT, 50 throughout.
    expect(effect).toMatchObject({ construct: 'relatedness', comparisonName: 'Operations', beforeCycles: 2, afterCycles: 2 });
    expect(effect.teamChange).toBeCloseTo(125 / 6, 8);
    expect(effect.comparisonChange).toBeCloseTo(0, 8);
    expect(effect.difference).toBeCloseTo(125 / 6, 8);
    const vBefore = (2 * 3437.5) / 11 / 12;
    const vAfter = (2 * (2083 + 1 / 3)) / 11 / 12;
    const se = Math.sqrt(vBefore + vAfter);
    const df = (vBefore + vAfter) ** 2 / (vBefore ** 2 / 11 + vAfter ** 2 / 11);
    expect(df).toBeGreaterThan(20);
    expect(df).toBeLessThan(21);
    // t(0.975, 20) = 2.086, t(0.975, 21) = 2.080.
    expect(effect.ciLow).toBeGreaterThan(125 / 6 - 2.086 * se);
    expect(effect.ciLow).toBeLessThan(125 / 6 - 2.08 * se);
    expect(effect.ciLow).toBeGreaterThan(0);
    expect(effect.verdict).toBe('improved');
    // The leader, who may not see Operations, compares with the organisation without Legal: the same IT.
    const leaderView = (await call(legalLeader, 'GET', `/api/v1/teams/${ids.Legal}/actions`))
      .json()
      .actions.find((a: { id: string }) => a.id === action.id);
    expect(leaderView.effect).toMatchObject({ comparisonName: 'Organisation', verdict: 'improved' });
    expect(leaderView.effect.difference).toBeCloseTo(125 / 6, 8);
  });

  it('lists overdue actions first for HR', async () => {
    const { action } = (await create(hr, ids.IT!, { title: 'Late one', dueAt: '2020-01-01' })).json();
    const all = (await call(hr, 'GET', '/api/v1/actions')).json().actions;
    expect(all[0]).toMatchObject({ id: action.id, overdue: true });
    const open = (await call(hr, 'GET', '/api/v1/actions?status=open')).json().actions;
    expect(open.every((a: { status: string }) => a.status === 'planned' || a.status === 'in_progress')).toBe(true);
  });

  it('reminds the owner of an overdue action in the digest after a pulse closes, and nobody else', async () => {
    await create(legalLeader, ids.Legal!, { title: 'Overdue menu review', dueAt: '2020-03-01' });
    await create(legalLeader, ids.Legal!, { title: 'Future review', dueAt: '2099-03-01' });
    const cycle = await t.app.db.selectFrom('cycles').select('id').where('label', '=', 'After 2').executeTakeFirstOrThrow();
    await t.app.db.insertInto('alert_digests').values({ cycle_id: cycle.id, episode_keys: [] }).execute();
    await clearOutbox(t.app);
    const ctx = { db: t.app.db, mailer: t.app.mailer, publicUrl: t.config.publicUrl, log: t.app.log };
    await deliverDigests(ctx, new Date());
    const mails = await readOutbox(t.app);
    const toLeader = mails.filter((m) => m.to.includes(legalLeader.user.email));
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0]!.subject).toMatch(/^Your actions: 1 overdue action after the/);
    const body = (await readFile(path.join(t.app.mailer.outboxDir, toLeader[0]!.file), 'latin1')).replace(/=\r?\n/g, '');
    expect(body).toContain('Overdue menu review');
    expect(body).not.toContain('Future review');
    // The IT leader owns no overdue action: no mail. HR owns the overdue "Late one".
    expect(mails.filter((m) => m.to.includes(itLeader.user.email))).toEqual([]);
    expect(mails.filter((m) => m.to.includes(hr.user.email))).toHaveLength(1);
  });
});
