import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type OutboxMail } from '../support/pulse.js';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { backend, createTestApp, freshDatabase, type TestApp } from '../support/test-app.js';

describe(`answering a pulse (${backend})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.truncate();
    await clearOutbox(t.app);
  });

  const getPulse = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/pulse/${token}` });
  const answer = (token: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}`, payload: payload as object });
  const storedResponses = () => t.app.db.selectFrom('responses').selectAll().orderBy('id').execute();
  const answeredCount = async () => (await t.app.db.selectFrom('invitations').select('id').where('answered', '=', true).execute()).length;

  /** HR opens a cycle for every team now; resolves the cycle id and the mails it sent. */
  async function openCycleNow(
    label = 'December 2026',
  ): Promise<{ cycleId: string; hr: Awaited<ReturnType<typeof loginAs>>; mails: OutboxMail[] }> {
    const hr = await loginAs(t.app, 'hr');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label, ...openWindow() } });
    expect(res.statusCode).toBe(201);
    return { cycleId: res.json().cycle.id, hr, mails: await readOutbox(t.app) };
  }

  it('runs a full cycle: opens, mails one link per active member, and every link answers once', async () => {
    const [platform, legal] = await seedTeams(t.app, { Platform: 3, Legal: 2 });
    const inactive = await t.app.db
      .insertInto('users')
      .values({ email: 'gone@example.test', name: 'Gone', role: 'member', team_id: platform!.id, active: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { cycleId, hr, mails } = await openCycleNow();

    const members = [...platform!.members, ...legal!.members];
    expect(mails.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    expect(new Set(mails.map((m) => m.token)).size).toBe(members.length);
    expect(mails.every((m) => m.link === `${t.config.publicUrl}/p/${m.token}`)).toBe(true);
    const invited = await t.app.db.selectFrom('invitations').select('user_id').execute();
    expect(invited.map((i) => i.user_id)).not.toContain(inactive.id);

    for (const mail of mails) {
      const team = members.find((m) => m.email === mail.to)!.teamId === platform!.id ? 'Platform' : 'Legal';
      const page = await getPulse(mail.token!);
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.cycle).toEqual({ id: cycleId, label: 'December 2026', closesAt: expect.any(String) });
      expect(body.team).toEqual({ name: team });
      // The version a cycle created now asks: the statements and eNPS, on by default.
      const { version } = await t.app.db
        .selectFrom('cycles')
        .select('questionnaire_version as version')
        .where('id', '=', cycleId)
        .executeTakeFirstOrThrow();
      expect(body.questionnaire.version).toBe(version);
      expect(body.questionnaire.extraItems).toEqual([
        expect.objectContaining({ id: 'enps', kind: 'enps', scale: expect.objectContaining({ min: 0, max: 10 }) }),
      ]);
      expect(body.questionnaire.items.length).toBeGreaterThanOrEqual(12);
      expect(body.questionnaire.items[0].scale).toEqual({ min: 1, max: 5, labels: expect.any(Array) });
      expect((await answer(mail.token!, { answers: fullAnswers(3), comment: 'More focus time.' })).statusCode).toBe(201);
      expect((await getPulse(mail.token!)).statusCode).toBe(409);
    }

    const rows = await storedResponses();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.team_id === platform!.id)).toHaveLength(3);
    expect(rows.every((r) => r.cycle_id === cycleId && r.questionnaire_version > 1 && r.comment === 'More focus time.')).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cycles', headers: hr.headers });
    expect(list.json().cycles[0]).toMatchObject({ id: cycleId, status: 'open', invited: 5, responded: 0 });
  });

  it('answers a second submission with 409 and changes nothing', async () => {
    await seedTeams(t.app, { Platform: 2 });
    const { mails } = await openCycleNow();
    const token = mails[0]!.token!;
    expect((await answer(token, { answers: fullAnswers(5), comment: 'first' })).statusCode).toBe(201);
    const before = await storedResponses();

    const again = await answer(token, { answers: fullAnswers(1), comment: 'second' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect(await storedResponses()).toEqual(before);
    expect(before[0]!.answers).toEqual(fullAnswers(5));
    expect(await answeredCount()).toBe(1);
  });

  it('answers 410 once the cycle is closed, by HR or by its closing time', async () => {
    await seedTeams(t.app, { Platform: 2 });
    const { cycleId, hr, mails } = await openCycleNow();
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().cycle.status).toBe('closed');
    expect((await getPulse(mails[0]!.token!)).statusCode).toBe(410);
    const late = await answer(mails[0]!.token!, { answers: fullAnswers() });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('gone');

    // A cycle past its closing time that the scheduler has not closed yet takes no answers either.
    await t.app.db
      .updateTable('cycles')
      .set({ status: 'open', closes_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await answer(mails[1]!.token!, { answers: fullAnswers() })).statusCode).toBe(410);
    expect(await storedResponses()).toEqual([]);
    expect(await answeredCount()).toBe(0);
  });

  it('checks in the contract order: an answered link in a closed cycle is 409, not 410', async () => {
    await seedTeams(t.app, { Platform: 1 });
    const { cycleId, hr, mails } = await openCycleNow();
    expect((await answer(mails[0]!.token!, { answers: fullAnswers() })).statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    expect((await getPulse(mails[0]!.token!)).statusCode).toBe(409);
  });

  it('answers 404 to an unknown token and stores nothing', async () => {
    await seedTeams(t.app, { Platform: 1 });
    await openCycleNow();
    for (const token of [randomBytes(32).toString('base64url'), 'short', 'unsent:whatever']) {
      const page = await getPulse(token);
      expect(page.statusCode).toBe(404);
      expect(page.json().error.code).toBe('not_found');
      expect((await answer(token, { answers: fullAnswers() })).statusCode).toBe(404);
    }
    expect(await storedResponses()).toEqual([]);
  });

  const { aut_say: _omitted, ...withoutAutSay } = fullAnswers();
  const badBodies: [string, unknown, string[]][] = [
    ['a missing answer', { answers: withoutAutSay }, ['answers.aut_say']],
    ['answers out of range', { answers: { ...fullAnswers(), aut_say: 6, com_well: 0 } }, ['answers.aut_say', 'answers.com_well']],
    ['a fractional answer', { answers: { ...fullAnswers(), rel_team: 3.5 } }, ['answers.rel_team']],
    ['a text answer', { answers: { ...fullAnswers(), rel_team: 'agree' } }, ['answers.rel_team']],
    ['an unknown item', { answers: { ...fullAnswers(), favourite_colour: 3 } }, ['answers.favourite_colour']],
    ['a comment over 2,000 characters', { answers: fullAnswers(), comment: 'x'.repeat(2001) }, ['comment']],
    ['no answers at all', { comment: 'hello' }, ['answers']],
  ];
  it.each(badBodies)('answers 400 to %s, with one details entry per field, and stores nothing', async (_kind, body, paths) => {
    await seedTeams(t.app, { Platform: 1 });
    const { mails } = await openCycleNow();
    const token = mails[0]!.token!;
    const res = await answer(token, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(paths);
    expect(await storedResponses()).toEqual([]);
    expect(await answeredCount()).toBe(0);
    // The link still works after a rejected attempt.
    expect((await answer(token, { answers: fullAnswers(), comment: 'x'.repeat(2000) })).statusCode).toBe(201);
  });

  it('stores exactly one response when 100 submissions of one token race', async () => {
    await seedTeams(t.app, { Platform: 1 });
    const { mails } = await openCycleNow();
    const token = mails[0]!.token!;
    // A busy machine may shed some with 503 (a pool connection waits at most 1.5 s); a client
    // sends those again, as Retry-After asks, so every one of the 100 is decided in the end.
    const decided = async (payload: unknown) => {
      for (;;) {
        const res = await answer(token, payload);
        if (res.statusCode !== 503) return res;
      }
    };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => decided({ answers: fullAnswers((i % 5) + 1) })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(await storedResponses()).toHaveLength(1);
    expect(await answeredCount()).toBe(1);
  });

  it('keeps the token and the address out of the request log', async () => {
    const lines: string[] = [];
    const database = await freshDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...database.env });
    const logged = await buildApp(config, { logStream: { write: (line: string) => void lines.push(line) } });
    try {
      await seedTeams(logged, { Platform: 1 });
      const hr = await loginAs(logged, 'hr');
      await logged.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label: 'Log', ...openWindow() } });
      const [mail] = await readOutbox(logged);
      expect((await logged.inject({ method: 'GET', url: `/api/v1/pulse/${mail!.token}` })).statusCode).toBe(200);
      expect(lines.join('')).toContain('"url":"/api/v1/pulse/[token]"');
      expect(lines.join('')).not.toContain(mail!.token);
      expect(lines.filter((l) => l.includes('/pulse/')).join('')).not.toContain('remoteAddress');
    } finally {
      await logged.close();
      await database.drop();
    }
  });
});
