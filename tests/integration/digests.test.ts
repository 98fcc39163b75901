import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '@pulse/server/plugins/auth';
import { closeCycle } from '@pulse/server/features/cycles/cycles.service';
import { deliverDigests } from '@pulse/server/features/digests/digests.service';
import { currentQuestionnaire } from '@pulse/shared';
import { loginAs, type Session } from '../support/auth.js';
import { readOutbox, seedTeams, type OutboxMail, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const CYCLES = 13;
const items = currentQuestionnaire.items;

/** Member i's answers: steady at 4 ± 1; in a retreat, relatedness and openness at the bottom. */
function answers(i: number, retreat: boolean): Record<string, number> {
  const base = 4 + (i % 3) - 1;
  return Object.fromEntries(
    items.map((item) => {
      const falls = retreat && (item.construct === 'relatedness' || item.construct === 'openness');
      const value = falls ? (item.reverse ? 5 : 1) : item.reverse && item.construct === 'openness' ? 6 - base : base;
      return [item.id, value];
    }),
  );
}

/**
 * Shared Services (led by Dana) holds Legal (led by Lena), IT (led by Ivan) and Ops. Twelve
 * steady months, then in the thirteenth Legal retreats and only 2 of Ops's 6 answer, so
 * Legal gets a fortress alert and Ops a participation alert in a cycle whose figures are hidden.
 */
describe(`alert digests when a cycle closes (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  const team: Record<string, SeededTeam> = {};
  const leaders: Record<string, Session> = {};
  let lastCycle: string;

  async function insertCycle(index: number, answered: (teamName: string, member: number) => Record<string, number> | null) {
    const opensAt = new Date(Date.UTC(2026, index, 1, 9));
    const cycle = await t.app.db
      .insertInto('cycles')
      .values({
        label: `M${index + 1}`,
        opens_at: opensAt,
        closes_at: new Date(opensAt.getTime() + 7 * 86_400_000),
        status: 'open',
        all_teams: true,
        questionnaire_version: 1,
      })
      .returning(['id', 'closes_at'])
      .executeTakeFirstOrThrow();
    for (const [name, seeded] of Object.entries(team)) {
      const given = seeded.members.map((_, i) => answered(name, i));
      await t.app.db
        .insertInto('invitations')
        .values(
          seeded.members.map((m, i) => ({
            cycle_id: cycle.id,
            user_id: m.id,
            team_id: seeded.id,
            token_hash: hashToken(newToken()),
            answered: given[i] !== null,
            sent_at: opensAt,
          })),
        )
        .execute();
      const rows = given.filter((a): a is Record<string, number> => a !== null);
      if (rows.length) {
        await t.app.db
          .insertInto('responses')
          .values(
            rows.map((a) => ({
              cycle_id: cycle.id,
              team_id: seeded.id,
              questionnaire_version: 1,
              answers: JSON.stringify(a),
              comment: null,
            })),
          )
          .execute();
      }
    }
    return cycle;
  }

  const digests = async () => (await readOutbox(t.app)).filter((m) => /new or escalated/.test(m.subject));
  /** A mail's text as a mail client shows it: quoted-printable decoded to UTF-8. */
  const body = async (mail: OutboxMail) => {
    const qp = (await readFile(path.join(t.app.mailer.outboxDir, mail.file), 'latin1')).replace(/=\r?\n/g, '');
    return Buffer.from(
      qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  };
  /** The plain-text digest lines ("- Team: kind, level. …") of a mail. */
  const lines = async (mail: OutboxMail) => (await body(mail)).split('\n').filter((l) => l.startsWith('- '));

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    const shared = await t.app.db.insertInto('teams').values({ name: 'Shared Services' }).returning('id').executeTakeFirstOrThrow();
    for (const seeded of await seedTeams(t.app, { Legal: 8, IT: 8, Ops: 6 })) {
      await t.app.db.updateTable('teams').set({ parent_id: shared.id }).where('id', '=', seeded.id).execute();
      team[seeded.name] = seeded;
    }
    for (const [name, teamId] of [
      ['Dana', shared.id],
      ['Lena', team.Legal!.id],
      ['Ivan', team.IT!.id],
    ] as const) {
      leaders[name] = await loginAs(t.app, 'leader', { name });
      await t.app.db.insertInto('team_leaders').values({ team_id: teamId, user_id: leaders[name].user.id }).execute();
    }
    for (let c = 0; c < CYCLES - 1; c++) {
      const cycle = await insertCycle(c, (_, i) => answers(i, false));
      await closeCycle(t.app.db, cycle.id, cycle.closes_at, t.config);
    }
    // Nothing was alarming in the steady year: no digest waits.
    expect(await t.app.db.selectFrom('alert_digests').selectAll().execute()).toEqual([]);
    const last = await insertCycle(CYCLES - 1, (name, i) => (name === 'Ops' && i >= 2 ? null : answers(i, name === 'Legal')));
    lastCycle = last.id;

    // The second mail fails once: the digest goes back to the queue with the first one recorded.
    const send = t.app.mailer.send.bind(t.app.mailer);
    let calls = 0;
    t.app.mailer.send = async (message) => {
      if (++calls === 2) throw new Error('mail server hiccup');
      return send(message);
    };
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${lastCycle}/close`, headers: hr.headers });
    expect(res.statusCode).toBe(200);
    t.app.mailer.send = send;
  }, 120_000);
  afterAll(() => t.close());

  it('retries a digest whose mail failed without mailing anyone twice', async () => {
    const pending = await t.app.db.selectFrom('alert_digests').select(['sent_at', 'sent_to']).execute();
    expect(pending).toEqual([{ sent_at: null, sent_to: [expect.any(String)] }]);
    const ctx = { db: t.app.db, mailer: t.app.mailer, publicUrl: t.config.publicUrl, log: t.app.log };
    // Lena, Dana and HR: one went out before the failure, the other two now.
    expect(await deliverDigests(ctx, new Date())).toBe(2);
    expect(await deliverDigests(ctx, new Date())).toBe(0);
    const recipients = (await digests()).map((m) => m.to).sort();
    expect(recipients).toEqual([hr.user.email, leaders.Dana!.user.email, leaders.Lena!.user.email].sort());
  });

  it('gives each leader one digest of the alerts in their scope: team, kind, level, a line, the team view', async () => {
    const [lena] = (await digests()).filter((m) => m.to === leaders.Lena!.user.email);
    expect(lena!.subject).toMatch(/^Your teams: \d+ alerts? new or escalated after the M13 pulse$/);
    const legal = await lines(lena!);
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.every((l) => l.startsWith('- Legal: '))).toBe(true);
    expect(legal[0]).toMatch(/^- Legal: fortress of no, (warning|critical)\. Relatedness −\d+ points, openness −\d+ points, autonomy /);
    expect(await body(lena!)).toContain(`Team view: ${t.config.publicUrl}/insights/teams/${team.Legal!.id}`);
    // Dana leads the department: Legal and Ops are hers. Ivan's IT raised nothing: no mail.
    const [dana] = (await digests()).filter((m) => m.to === leaders.Dana!.user.email);
    expect((await lines(dana!)).map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['- Legal', '- Ops']));
    expect((await digests()).some((m) => m.to === leaders.Ivan!.user.email)).toBe(false);
  });

  it('puts no figure of a suppressed group in any mail, and gives HR the organisation digest', async () => {
    const stats = await t.app.db
      .selectFrom('team_cycle_stats')
      .select('suppressed')
      .where('cycle_id', '=', lastCycle)
      .where('team_id', '=', team.Ops!.id)
      .executeTakeFirstOrThrow();
    expect(stats.suppressed).toBe(true);
    for (const mail of await digests()) {
      for (const line of (await lines(mail)).filter((l) => l.startsWith('- Ops'))) {
        expect(line).toBe('- Ops: participation fell, watch. Too few responses this cycle to quote any figure.');
      }
    }
    const [organisation] = (await digests()).filter((m) => m.to === hr.user.email);
    expect(organisation!.subject).toMatch(/^Organisation digest: /);
    expect((await lines(organisation!)).map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['- Legal', '- Ops']));
  });
});
