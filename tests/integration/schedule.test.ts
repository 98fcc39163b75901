import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@pulse/db';
import type { MailMessage } from '@pulse/server/plugins/mail';
import { getPulse, submitPulse } from '@pulse/server/features/pulse/pulse.service';
import { saveSchedule } from '@pulse/server/features/schedule/schedule.service';
import { createScheduler, type Scheduler } from '@pulse/server/features/schedule/scheduler';
import type { Schedule } from '@pulse/shared/api/schedule';
import { loginAs } from '../support/auth.js';
import { fullAnswers, seedTeams, type SeededMember } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/** First Monday of the month, 09:00 in Berlin, open a week, one reminder after three days. */
const monthly: Schedule = {
  enabled: true,
  weekday: 'monday',
  week: 1,
  hour: 9,
  timeZone: 'Europe/Berlin',
  openDays: 7,
  reminderAfterDays: 3,
};

interface Sent extends MailMessage {
  by: string;
  token: string;
}

describe(`the monthly scheduler, two instances at once (${backend})`, () => {
  let t: TestApp;
  let second: { db: Kysely<Database>; close(): Promise<void> } | undefined;
  let members: SeededMember[];
  let sent: Sent[];
  let now: Date;
  let instances: Scheduler[];

  const at = (iso: string) => (now = new Date(iso));
  /** Both instances tick at the same moment, twice over. */
  async function tickBoth() {
    await Promise.all(instances.map((s) => s.tick()));
    await Promise.all(instances.map((s) => s.tick()));
  }
  const mailsOf = (subject: RegExp) => sent.filter((m) => subject.test(m.subject));
  const cycles = () => t.app.db.selectFrom('cycles').select(['id', 'label', 'status', 'opens_at']).orderBy('opens_at').execute();

  beforeAll(async () => {
    t = await createTestApp();
    // On PostgreSQL the second instance has its own connection pool, as another server would.
    if (t.config.databaseUrl) second = await openDatabase({ databaseUrl: t.config.databaseUrl, dataDir: t.config.dataDir });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.truncate();
    sent = [];
    members = (await seedTeams(t.app, { Platform: 3, Legal: 2 })).flatMap((team) => team.members);
    instances = ['a', 'b'].map((by) =>
      createScheduler({
        db: by === 'b' && second ? second.db : t.app.db,
        publicUrl: 'https://pulse.example.test',
        log: t.app.log,
        settings: t.config,
        clock: () => now,
        mailer: {
          async send(message) {
            sent.push({ ...message, by, token: message.text.match(/\/p\/([A-Za-z0-9_-]{43})/)![1]! });
          },
        },
      }),
    );
    at('2027-01-20T12:00:00Z');
    await saveSchedule(t.app.db, monthly, now);
  });

  it('opens each month once, mails each member exactly once, and reminds only those who have not answered', async () => {
    // January's pulse opened (4 January) before the schedule was saved: nothing starts on the spot.
    at('2027-01-25T12:00:00Z');
    await tickBoth();
    expect(await cycles()).toEqual([]);

    // 1 February 2027 is a Monday: 09:00 in Berlin is 08:00 UTC.
    at('2027-02-01T07:59:00Z');
    await tickBoth();
    expect(await cycles()).toEqual([]);
    at('2027-02-01T08:00:00Z');
    await tickBoth();
    const [february] = await cycles();
    expect(february).toMatchObject({ label: 'February 2027', status: 'open' });
    const invitations = mailsOf(/^Your February 2027 pulse/);
    expect(invitations.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    expect(sent).toHaveLength(members.length);

    // Two members answer.
    const answeredBy = invitations.slice(0, 2);
    for (const mail of answeredBy) await submitPulse(t.app.db, mail.token, { answers: fullAnswers() }, now);

    at('2027-02-03T12:00:00Z');
    await tickBoth();
    expect(sent).toHaveLength(members.length);

    // Three days after opening: one reminder each, to the three who have not answered.
    at('2027-02-04T08:00:00Z');
    await tickBoth();
    at('2027-02-05T08:00:00Z');
    await tickBoth();
    const reminders = mailsOf(/^Reminder/);
    expect(reminders.map((m) => m.to).sort()).toEqual(
      invitations
        .slice(2)
        .map((m) => m.to)
        .sort(),
    );
    expect(sent).toHaveLength(members.length + 3);
    // The reminder's link works, and so does the first one, until either is used.
    const late = reminders[0]!;
    const firstLink = invitations.find((m) => m.to === late.to)!;
    expect((await getPulse(t.app.db, firstLink.token, now)).cycle.label).toBe('February 2027');
    await submitPulse(t.app.db, late.token, { answers: fullAnswers() }, now);
    await expect(getPulse(t.app.db, firstLink.token, now)).rejects.toMatchObject({ statusCode: 409 });

    // A week after opening the cycle closes by itself.
    at('2027-02-08T08:00:00Z');
    await tickBoth();
    expect((await cycles())[0]!.status).toBe('closed');
    expect(sent).toHaveLength(members.length + 3);
    // Which instance sends a given mail is a race; that the two never both send one is not.
    expect(sent.every((m) => m.by === 'a' || m.by === 'b')).toBe(true);
    expect(new Set(sent.map((m) => m.token)).size).toBe(sent.length);
  });

  it('catches up after a pause: closes what ended, opens a late month without a stale reminder, skips a month that is over', async () => {
    at('2027-02-01T08:00:00Z');
    await tickBoth();
    expect(sent).toHaveLength(members.length);

    // Down from 1 February until 5 March: February's close, March's opening (1 March) and its
    // reminder time (4 March) were all missed.
    at('2027-03-05T10:00:00Z');
    await tickBoth();
    const [february, march] = await cycles();
    expect(february).toMatchObject({ label: 'February 2027', status: 'closed' });
    expect(march).toMatchObject({ label: 'March 2027', status: 'open' });
    expect(
      mailsOf(/^Your March 2027 pulse/)
        .map((m) => m.to)
        .sort(),
    ).toEqual(members.map((m) => m.email).sort());
    // The invitations went out after the reminder time: nobody gets a reminder a moment later.
    expect(mailsOf(/^Reminder/)).toEqual([]);
    expect(sent).toHaveLength(2 * members.length);

    // Down for all of April's window (opens 5 April, closes 12 April): no stale April pulse.
    at('2027-04-20T10:00:00Z');
    await tickBoth();
    expect((await cycles()).map((c) => [c.label, c.status])).toEqual([
      ['February 2027', 'closed'],
      ['March 2027', 'closed'],
    ]);
    expect(sent).toHaveLength(2 * members.length);

    // May opens as usual (3 May, 09:00 summer time = 07:00 UTC).
    at('2027-05-03T07:00:00Z');
    await tickBoth();
    expect((await cycles()).at(-1)).toMatchObject({ label: 'May 2027', status: 'open' });
    expect(sent).toHaveLength(3 * members.length);
  });

  it('retries a mail that failed, with a new link, and never sends one twice', async () => {
    let failures = 1;
    const flaky = createScheduler({
      db: t.app.db,
      publicUrl: 'https://pulse.example.test',
      log: t.app.log,
      settings: t.config,
      clock: () => now,
      mailer: {
        async send(message) {
          if (failures-- > 0) throw new Error('SMTP is down');
          sent.push({ ...message, by: 'flaky', token: message.text.match(/\/p\/([A-Za-z0-9_-]{43})/)![1]! });
        },
      },
    });
    at('2027-02-01T08:00:00Z');
    // The first mail fails; the rest of the batch goes out, and the failed one waits for the next pass.
    expect((await flaky.tick()).invitations).toBe(members.length - 1);
    expect((await flaky.tick()).invitations).toBe(1);
    expect((await flaky.tick()).invitations).toBe(0);
    expect(sent.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    // Every link mailed works.
    for (const mail of sent) expect((await getPulse(t.app.db, mail.token, now)).team.name).toMatch(/Platform|Legal/);
  });
});

describe(`the schedule setting (${backend})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.truncate());

  const put = (payload: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/schedule', headers, payload: payload as object });

  it('lets admin and hr read and set it, and tells when the next pulse opens', async () => {
    const hr = await loginAs(t.app, 'hr');
    const empty = await t.app.inject({ method: 'GET', url: '/api/v1/schedule', headers: hr.headers });
    expect(empty.json()).toEqual({ schedule: null, nextOpensAt: null });
    const saved = await put(monthly, hr.headers);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().schedule).toEqual(monthly);
    const next = new Date(saved.json().nextOpensAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThan(36 * 86_400_000);
    const admin = await loginAs(t.app, 'admin');
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/schedule', headers: admin.headers });
    expect(read.json()).toEqual(saved.json());
    expect((await put({ ...monthly, enabled: false }, admin.headers)).json().nextOpensAt).toBeNull();
  });

  it('refuses anyone else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule' })).statusCode).toBe(401);
    expect((await put(monthly, {})).statusCode).toBe(401);
    for (const role of ['leader', 'member'] as const) {
      const { headers } = await loginAs(t.app, role);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule', headers })).statusCode).toBe(403);
      expect((await put(monthly, headers)).statusCode).toBe(403);
    }
  });

  const bad: [string, unknown, string][] = [
    ['an unknown time zone', { ...monthly, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an hour of 24', { ...monthly, hour: 24 }, 'hour'],
    ['an unknown weekday', { ...monthly, weekday: 'caturday' }, 'weekday'],
    ['a fifth week', { ...monthly, week: 5 }, 'week'],
    ['a reminder after the close', { ...monthly, reminderAfterDays: 7 }, 'reminderAfterDays'],
    ['no open days', { ...monthly, openDays: 0, reminderAfterDays: null }, 'openDays'],
  ];
  it.each(bad)('answers 400 to %s and keeps the old setting', async (_kind, body, path) => {
    const hr = await loginAs(t.app, 'hr');
    await put(monthly, hr.headers);
    const res = await put(body, hr.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule', headers: hr.headers })).json().schedule).toEqual(monthly);
  });
});
