import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDueCycles } from '@pulse/server/features/cycles/cycles.service';
import { countDueParticipation } from '@pulse/server/features/cycles/participation.service';
import { loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;

describe(`pulse cycles for HR (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.truncate();
    await clearOutbox(t.app);
    hr = await loginAs(t.app, 'hr');
  });

  const create = (payload: unknown, headers: Record<string, string> = hr.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers, payload: payload as object });
  const list = (headers: Record<string, string> = hr.headers) => t.app.inject({ method: 'GET', url: '/api/v1/cycles', headers });
  const close = (id: string, headers: Record<string, string> = hr.headers) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cycles/${id}/close`, headers });

  it('lets only admin and hr create, list and close cycles', async () => {
    const id = randomUUID();
    for (const call of [() => create({ label: 'x', ...openWindow() }, {}), () => list({}), () => close(id, {})]) {
      expect((await call()).statusCode).toBe(401);
    }
    for (const role of ['leader', 'member'] as const) {
      const { headers } = await loginAs(t.app, role);
      for (const call of [() => create({ label: 'x', ...openWindow() }, headers), () => list(headers), () => close(id, headers)]) {
        expect((await call()).statusCode).toBe(403);
      }
    }
    const admin = await loginAs(t.app, 'admin');
    expect((await create({ label: 'By admin', ...openWindow() }, admin.headers)).statusCode).toBe(201);
    expect((await list(admin.headers)).statusCode).toBe(200);
    expect(await t.app.db.selectFrom('cycles').select('label').execute()).toEqual([{ label: 'By admin' }]);
  });

  it('creates a cycle that opens at once when its time has come, for the chosen teams only', async () => {
    const [platform, legal] = await seedTeams(t.app, { Platform: 2, Legal: 3 });
    const res = await create({ label: 'Legal only', ...openWindow(), teamIds: [legal!.id] });
    expect(res.statusCode).toBe(201);
    // The newest questionnaire version (after truncate() the tests' default is appended, so not a fixed number).
    const { version } = await t.app.db
      .selectFrom('questionnaire_versions')
      .select('version')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(res.json().cycle).toMatchObject({ label: 'Legal only', status: 'open', teamIds: [legal!.id], questionnaireVersion: version });
    const mails = await readOutbox(t.app);
    expect(mails.map((m) => m.to).sort()).toEqual(legal!.members.map((m) => m.email).sort());
    expect(mails.some((m) => platform!.members.some((p) => p.email === m.to))).toBe(false);
    expect(mails[0]!.subject).toContain('Legal only');
  });

  it('keeps a future cycle scheduled, without mail, until the scheduler opens it', async () => {
    await seedTeams(t.app, { Platform: 2 });
    const opensAt = new Date(Date.now() + DAY);
    const res = await create({
      label: 'Later',
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + 7 * DAY).toISOString(),
    });
    expect(res.json().cycle.status).toBe('scheduled');
    expect(await readOutbox(t.app)).toEqual([]);
    expect((await list()).json().cycles[0]).toMatchObject({ status: 'scheduled', invited: 0, responded: 0 });
  });

  it('lists cycles with invited and responded counts, and nothing about who', async () => {
    const [platform] = await seedTeams(t.app, { Platform: 3 });
    const created = (await create({ label: 'Counts', ...openWindow() })).json().cycle;
    const [first] = await readOutbox(t.app);
    await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${first!.token}`, payload: { answers: fullAnswers() } });
    const beforeCount = (await list()).json().cycles[0];
    expect(beforeCount).toMatchObject({ invited: 3, responded: 0, countedAt: expect.any(String) });
    await countDueParticipation(t.app.db, new Date(Date.parse(beforeCount.countedAt) + DAY + 60_000));
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.json().cycles).toEqual([{ ...created, invited: 3, responded: 1, countedAt: expect.any(String) }]);
    const body = res.body;
    for (const member of platform!.members) {
      expect(body).not.toContain(member.id);
      expect(body).not.toContain(member.email);
    }
  });

  describe('participation per team', () => {
    const participation = (id: string, headers: Record<string, string> = hr.headers) =>
      t.app.inject({ method: 'GET', url: `/api/v1/cycles/${id}/participation`, headers });
    const answer = async (token: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}`, payload: { answers: fullAnswers() } });

    it('moves only once a day, so nobody can time who answered', async () => {
      await seedTeams(t.app, { Platform: 3, Legal: 2 });
      const { id } = (await create({ label: 'Daily', ...openWindow() })).json().cycle;
      const first = (await participation(id)).json();
      expect(first.teams.map((r: { name: string; invited: number; responded: number }) => [r.name, r.invited, r.responded])).toEqual([
        ['Legal', 2, 0],
        ['Platform', 3, 0],
      ]);
      expect(Date.parse(first.nextCountAt) - Date.parse(first.countedAt)).toBe(DAY);

      const mails = await readOutbox(t.app);
      for (const mail of mails.slice(0, 3)) await answer(mail.token!);
      const sameDay = new Date(Date.parse(first.countedAt) + DAY - 60_000);
      expect(await countDueParticipation(t.app.db, sameDay)).toBe(0);
      expect((await participation(id)).json()).toEqual(first);

      const nextDay = new Date(Date.parse(first.countedAt) + DAY);
      expect(await countDueParticipation(t.app.db, nextDay)).toBe(1);
      expect(await countDueParticipation(t.app.db, nextDay)).toBe(0);
      const second = (await participation(id)).json();
      expect(second.countedAt).toBe(nextDay.toISOString());
      expect(second.teams.reduce((sum: number, r: { responded: number }) => sum + r.responded, 0)).toBe(3);
      expect(JSON.stringify(second)).not.toMatch(/@|token/i);
    });

    it('takes a final count at close, and none after', async () => {
      await seedTeams(t.app, { Platform: 2 });
      const { id } = (await create({ label: 'Final', ...openWindow() })).json().cycle;
      const [mail] = await readOutbox(t.app);
      await answer(mail!.token!);
      await close(id);
      const closed = (await participation(id)).json();
      expect(closed).toMatchObject({ status: 'closed', nextCountAt: null, teams: [{ name: 'Platform', invited: 2, responded: 1 }] });
      expect(await countDueParticipation(t.app.db, new Date(Date.now() + 3 * DAY))).toBe(0);
    });

    it('answers 404 to an unknown cycle, 400 to a malformed id, and only to admin and HR', async () => {
      expect((await participation(randomUUID())).statusCode).toBe(404);
      const bad = await participation('nope');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('params.id');
      expect((await participation(randomUUID(), {})).statusCode).toBe(401);
      for (const role of ['leader', 'member'] as const) {
        expect((await participation(randomUUID(), (await loginAs(t.app, role)).headers)).statusCode).toBe(403);
      }
    });
  });

  it('closes a cycle once: answering stops, a second close changes nothing', async () => {
    await seedTeams(t.app, { Platform: 1 });
    const { id } = (await create({ label: 'To close', ...openWindow() })).json().cycle;
    const first = await close(id);
    expect(first.statusCode).toBe(200);
    expect(first.json().cycle).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
    const second = await close(id);
    expect(second.json().cycle.closedAt).toBe(first.json().cycle.closedAt);
    const [mail] = await readOutbox(t.app);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mail!.token}` })).statusCode).toBe(410);
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['cycles.create', 'cycles.close', 'cycles.close']);
    expect(audit.every((a) => a.actor_id === hr.user.id)).toBe(true);
  });

  it('answers 404 to closing an unknown cycle and 400 to a malformed id', async () => {
    expect((await close(randomUUID())).statusCode).toBe(404);
    const bad = await close('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.id');
  });

  const now = Date.now();
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();
  const badBodies: [string, unknown, string][] = [
    ['an empty label', { label: ' ', opensAt: iso(0), closesAt: iso(7) }, 'label'],
    ['a missing label', { opensAt: iso(0), closesAt: iso(7) }, 'label'],
    ['a date that is not ISO 8601', { label: 'x', opensAt: 'next monday', closesAt: iso(7) }, 'opensAt'],
    ['closing before opening', { label: 'x', opensAt: iso(7), closesAt: iso(1) }, 'closesAt'],
    ['a reminder outside the window', { label: 'x', opensAt: iso(0), closesAt: iso(7), remindAt: iso(9) }, 'remindAt'],
    ['a team id that is not a uuid', { label: 'x', opensAt: iso(0), closesAt: iso(7), teamIds: ['legal'] }, 'teamIds.0'],
    ['an unknown team', { label: 'x', opensAt: iso(0), closesAt: iso(7), teamIds: [randomUUID()] }, 'teamIds.0'],
    ['an empty team list', { label: 'x', opensAt: iso(0), closesAt: iso(7), teamIds: [] }, 'teamIds'],
  ];
  it.each(badBodies)('answers 400 to %s and creates nothing', async (_kind, body, path) => {
    await seedTeams(t.app, { Platform: 1 });
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    expect(await t.app.db.selectFrom('cycles').select('id').execute()).toEqual([]);
    expect(await readOutbox(t.app)).toEqual([]);
  });

  describe('extending a cycle', () => {
    const extend = (id: string, payload: unknown, headers: Record<string, string> = hr.headers) =>
      t.app.inject({ method: 'POST', url: `/api/v1/cycles/${id}/extend`, headers, payload: payload as object });
    const closesIn = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    const settings = () => ({ anonymityThreshold: t.app.config.anonymityThreshold });

    it('keeps the pulse open until the new closing time, and audits the change', async () => {
      await seedTeams(t.app, { Platform: 3 });
      const created = (await create({ label: 'Longer', opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: closesIn(1) })).json()
        .cycle;
      const [mail] = await readOutbox(t.app);
      const later = closesIn(5);
      const res = await extend(created.id, { closesAt: later });
      expect(res.statusCode).toBe(200);
      expect(res.json().cycle).toMatchObject({ id: created.id, status: 'open', closesAt: later });
      // Two days on, past the old closing time, the scheduler leaves it open and the link still answers.
      expect(await closeDueCycles(t.app.db, new Date(Date.now() + 2 * DAY), settings())).toEqual([]);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mail!.token}` })).statusCode).toBe(200);
      expect(await closeDueCycles(t.app.db, new Date(Date.now() + 6 * DAY), settings())).toEqual([created.id]);
      const audit = await t.app.db.selectFrom('audit_log').select('action').where('action', '=', 'cycles.extend').execute();
      expect(audit).toHaveLength(1);
    });

    it('refuses an earlier or malformed time, a closed cycle, an overlap and strangers, changing nothing', async () => {
      await seedTeams(t.app, { Platform: 2 });
      const open = (await create({ label: 'Now', opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: closesIn(3) })).json().cycle;
      const next = (await create({ label: 'Next', opensAt: closesIn(10), closesAt: closesIn(17) })).json().cycle;
      const cases: [unknown, number, string?][] = [
        [{ closesAt: closesIn(2) }, 400, 'closesAt'],
        [{ closesAt: 'next friday' }, 400, 'closesAt'],
        [{}, 400, 'closesAt'],
        [{ closesAt: closesIn(80) }, 400, 'closesAt'],
        [{ closesAt: closesIn(12) }, 409],
      ];
      for (const [payload, status, path] of cases) {
        const res = await extend(open.id, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(status);
        if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await extend(randomUUID(), { closesAt: closesIn(5) })).statusCode).toBe(404);
      expect((await extend('not-an-id', { closesAt: closesIn(5) })).statusCode).toBe(400);
      const leader = await loginAs(t.app, 'leader');
      expect((await extend(open.id, { closesAt: closesIn(5) }, leader.headers)).statusCode).toBe(403);
      expect((await extend(open.id, { closesAt: closesIn(5) }, {})).statusCode).toBe(401);
      await close(open.id);
      expect((await extend(open.id, { closesAt: closesIn(5) })).statusCode).toBe(409);
      const rows = await t.app.db.selectFrom('cycles').select(['id', 'closes_at']).execute();
      expect(rows.find((r) => r.id === open.id)!.closes_at.toISOString()).toBe(open.closesAt);
      expect(rows.find((r) => r.id === next.id)!.closes_at.toISOString()).toBe(next.closesAt);
    });
  });
});
