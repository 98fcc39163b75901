import { currentQuestionnaire } from '@pulse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../support/auth.js';
import { importMembers } from '../support/members.js';
import { clearOutbox, openWindow, readOutbox } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/** Every item answered `v`. */
const allAnswered = (v: number) => ({ ...Object.fromEntries(currentQuestionnaire.items.map((item) => [item.id, v])), enps: 8 });

interface Row {
  team: { id: string; name: string };
  suppressed: boolean;
  responded: number;
  reason?: string;
  scores?: { autonomy: { mean: number } };
}

/**
 * Issue 13, item 1: a head of department (1 member) over a sub-team of 4. At k = 5 the
 * department (n = 5) is shown and the sub-team hidden; if k = 3 re-decided that closed cycle,
 * the sub-team (n = 4) would be shown and 5 × dept − 4 × sub would be the head's answers.
 */
describe(`a threshold change never re-publishes a closed cycle (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let admin: Session;
  const team: Record<string, string> = {};
  let firstCycle: string;
  /** Every cell of the first cycle the API ever showed, by team name, and every comment list. */
  const shown = new Map<string, Set<string>>();
  const commentLists: unknown[][] = [];

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });
  const setThreshold = async (k: number) => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/settings',
      headers: admin.headers,
      payload: { anonymityThreshold: k },
    });
    expect(res.statusCode).toBe(200);
  };

  /** Runs a cycle where the head answers all 1s and the four others all 4s, and closes it. */
  async function runCycle(label: string): Promise<string> {
    await clearOutbox(t.app);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label, ...openWindow() } });
    expect(created.statusCode).toBe(201);
    const cycleId = created.json().cycle.id as string;
    const mails = (await readOutbox(t.app)).filter((m) => m.token);
    expect(mails).toHaveLength(5);
    for (const mail of mails) {
      const head = mail.to.startsWith('head@');
      const payload = head
        ? { answers: allAnswered(1), comment: 'the head speaks' }
        : { answers: allAnswered(4), comment: 'sub says fine' };
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload })).statusCode).toBe(201);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(200);
    return cycleId;
  }

  async function overview(cycleId: string): Promise<Record<string, Row>> {
    const res = await get(hr, `/api/v1/overview?cycleId=${cycleId}`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json().rows as Row[]).map((r) => [r.team.name, r]));
  }

  /** Reads the first cycle the way an onlooker would (overview, trends, comments, export) and notes what was shown. */
  async function look(): Promise<Record<string, Row>> {
    const rows = await overview(firstCycle);
    const note = (name: string, how: string) => {
      if (!shown.has(name)) shown.set(name, new Set());
      shown.get(name)!.add(how);
    };
    for (const r of Object.values(rows)) if (!r.suppressed) note(r.team.name, 'overview');
    for (const name of ['Leakdept', 'Sub']) {
      const trends = (await get(hr, `/api/v1/teams/${team[name]}/trends`)).json();
      if (trends.series.some((p: { cycleId: string; suppressed: boolean }) => p.cycleId === firstCycle && !p.suppressed))
        note(name, 'trends');
      const comments = (await get(hr, `/api/v1/teams/${team[name]}/comments?cycleId=${firstCycle}`)).json();
      if (comments.comments) {
        note(name, 'comments');
        commentLists.push(comments.comments);
      }
    }
    const exported = await get(hr, '/api/v1/exports/aggregates?format=json');
    expect(exported.statusCode).toBe(200);
    for (const r of exported.json().rows as { team_path: string; cycle: string; suppressed: string | null; mean: number | null }[]) {
      if (r.cycle === 'First' && r.suppressed === null && r.mean !== null) note(r.team_path.split('/').pop()!, 'export');
    }
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    admin = await loginAs(t.app, 'admin');
    await importMembers(
      t.app,
      hr,
      ['email,name,team,role', 'head@example.test,Head,Leakdept,member'].concat(
        [1, 2, 3, 4].map((i) => `sub${i}@example.test,Sub ${i},Leakdept/Sub,member`),
      ),
    );
    for (const row of await t.app.db.selectFrom('teams').select(['id', 'name']).execute()) team[row.name] = row.id;
    firstCycle = await runCycle('First');
  });
  afterAll(() => t.close());

  it('shows the department at k = 5 and hides the sub-team, as the issue saw', async () => {
    const rows = await look();
    expect(rows.Leakdept).toMatchObject({ suppressed: false, responded: 5 });
    // Autonomy: the head (0, 0, flipped frustration 100) 33.3, the others (75, 75, 25) 58.3: (100 + 4 · 175) / 15.
    expect(rows.Leakdept!.scores!.autonomy.mean).toBeCloseTo(800 / 15, 10);
    expect(rows.Sub).toMatchObject({ suppressed: true, responded: 4 });
  });

  it('keeps the sub-team hidden in that cycle at k = 3, on every read path, with the threshold it was published at', async () => {
    await setThreshold(3);
    const rows = await look();
    expect(rows.Sub).toMatchObject({ suppressed: true, responded: 4, reason: expect.stringContaining('fewer than 5') });
    expect(rows.Sub!.scores).toBeUndefined();
    expect(rows.Leakdept).toMatchObject({ suppressed: false, responded: 5 });
    const comments = (await get(hr, `/api/v1/teams/${team.Sub}/comments?cycleId=${firstCycle}`)).json();
    expect(comments).toMatchObject({ comments: null, reason: expect.stringContaining('fewer than 5') });
    // The settings screen says so.
    expect((await get(admin, '/api/v1/settings')).json()).toEqual({
      anonymityThreshold: 3,
      defaultLanguage: 'en',
      latestPublication: { cycleLabel: 'First', threshold: 5 },
    });
  });

  it('never shows, over k = 5 → 3 → 5 → 6 → 5, two cells whose difference is one person', async () => {
    await setThreshold(5);
    await look();
    await setThreshold(6);
    const raised = await look();
    // Raising hides more in closed cycles too.
    expect(raised.Leakdept).toMatchObject({ suppressed: true, reason: expect.stringContaining('fewer than 6') });
    await setThreshold(5);
    await look();
    // Leakdept (5) and Sub (4) together would single out the head.
    expect(shown.has('Leakdept') && shown.has('Sub')).toBe(false);
    expect(shown.get('Sub')).toBeUndefined();
    // No two comment lists ever shown differ by one comment only.
    for (const a of commentLists) for (const b of commentLists) expect(Math.abs(a.length - b.length)).not.toBe(1);
  });

  it('applies a lower threshold to cycles closed after the change', async () => {
    await setThreshold(3);
    const second = await runCycle('Second');
    const rows = await overview(second);
    // Decided at k = 3: the sub-team is shown and the department (its head alone beyond it) is not.
    expect(rows.Sub).toMatchObject({ suppressed: false, responded: 4 });
    expect(rows.Leakdept).toMatchObject({ suppressed: true, responded: 5 });
    // The first cycle is still as it was published.
    expect((await overview(firstCycle)).Sub).toMatchObject({ suppressed: true });
    expect((await get(admin, '/api/v1/settings')).json()).toEqual({
      anonymityThreshold: 3,
      defaultLanguage: 'en',
      latestPublication: { cycleLabel: 'Second', threshold: 3 },
    });
  });
});
