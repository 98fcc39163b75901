import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@pulse/server/demo/seed-demo';
import { loginAs, type Session } from '../support/auth.js';
import { readOutbox } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const stableTeams = ['IT Service Desk', 'Finance', 'Platform', 'Design', 'Sales North', 'Sales South', 'Customer Success', 'Onboarding'];

describe(`the demo organisation (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  const teamId: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const summary = await seedDemo({ db: t.app.db, mailer: t.app.mailer, publicUrl: t.app.config.publicUrl, log: t.app.log, settings: t.config });
    expect(summary).toMatchObject({ teams: 14, cycles: 18 });
    expect(summary.members).toBeGreaterThanOrEqual(100);
    for (const team of await t.app.db.selectFrom('teams').select(['id', 'name']).execute()) teamId[team.name] = team.id;
    hr = await loginAs(t.app, 'hr');
  }, 120_000);
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: hr.headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('has an open fortress alert on Legal, citing relatedness and openness with evidence', async () => {
    const { alerts } = await get(`/api/v1/alerts?status=open&teamId=${teamId.Legal}`);
    const fortress = alerts.find((a: { kind: string }) => a.kind === 'fortress');
    expect(fortress).toBeDefined();
    expect(['warning', 'critical']).toContain(fortress.level);
    expect(fortress.summary).toMatch(/Relatedness fell \d+ points and openness fell \d+ points over \d cycles/);
    expect(fortress.summary).toMatch(/EWMA [\d.]+σ below baseline/);
    expect(fortress.actions.length).toBeGreaterThan(0);
  });

  it('raises nothing above watch for the stable teams, ever', async () => {
    const { alerts } = await get('/api/v1/alerts?status=all');
    const loud = alerts.filter((a: { teamName: string; level: string }) => stableTeams.includes(a.teamName) && a.level !== 'watch');
    expect(loud).toEqual([]);
  });

  it('shows the small team only as suppressed points', async () => {
    const { series } = await get(`/api/v1/teams/${teamId.Payroll}/trends`);
    expect(series).toHaveLength(18);
    for (const point of series) {
      expect(point.suppressed).toBe(true);
      expect(point.scores).toBeUndefined();
    }
  });

  it('lets the recovering team recover: its alert was resolved by a later cycle', async () => {
    const { alerts } = await get(`/api/v1/alerts?status=all&teamId=${teamId.Mobile}`);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a: { status: string }) => a.status === 'resolved')).toBe(true);
  });

  it('opens this month’s pulse with a mailed link for every member', async () => {
    const mails = (await readOutbox(t.app)).filter((m) => m.token);
    expect(mails.length).toBeGreaterThanOrEqual(100);
    const pulse = await t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mails[0]!.token}` });
    expect(pulse.statusCode).toBe(200);
  });
});
