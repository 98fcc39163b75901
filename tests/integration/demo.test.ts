import { describe, expect, it } from 'vitest';
import { useDemoOrganisation } from '../support/demo.js';
import { readOutbox } from '../support/pulse.js';
import { backend } from '../support/test-app.js';

const stableTeams = ['IT Service Desk', 'Finance', 'Platform', 'Design', 'Sales North', 'Sales South', 'Customer Success', 'Onboarding'];

describe(`the demo organisation (${backend})`, () => {
  const demo = useDemoOrganisation();
  const { teamId, get } = demo;

  it('seeds 15 teams, more than 100 members and 18 closed cycles', () => {
    expect(demo.summary).toMatchObject({ teams: 15, cycles: 18 });
    expect(demo.summary.members).toBeGreaterThanOrEqual(100);
  });

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

  it('flags the young team’s early drift: it joined four months ago and has a fortress warning', async () => {
    const { series } = await get(`/api/v1/teams/${teamId.Partnerships}/trends`);
    expect(series).toHaveLength(4); // no cycle before it joined holds it
    expect(series.every((p: { suppressed: boolean }) => !p.suppressed)).toBe(true);
    const { alerts } = await get(`/api/v1/alerts?status=all&teamId=${teamId.Partnerships}`);
    const fortress = alerts.filter((a: { kind: string; level: string }) => a.kind === 'fortress' && a.level !== 'watch');
    expect(fortress.length).toBeGreaterThan(0);
    expect(fortress[0].summary).toMatch(/Relatedness fell \d+ points and openness fell \d+ points/);
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
    const mails = (await readOutbox(demo.t.app)).filter((m) => m.token);
    expect(mails.length).toBeGreaterThanOrEqual(100);
    const pulse = await demo.t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mails[0]!.token}` });
    expect(pulse.statusCode).toBe(200);
  });

  it('has members in English, German and French, whose pulse opens in their own language', async () => {
    const members = await demo.t.app.db.selectFrom('users').select(['email', 'language']).where('role', '=', 'member').execute();
    const count = (language: string | null) => members.filter((m) => m.language === language).length;
    // Shared Services works in the organisation's default (English), Product in German, Sales & Customers in French.
    expect(count(null)).toBeGreaterThanOrEqual(20);
    expect(count('de')).toBeGreaterThanOrEqual(20);
    expect(count('fr')).toBeGreaterThanOrEqual(20);
    const mails = (await readOutbox(demo.t.app)).filter((m) => m.token);
    for (const language of ['de', 'fr', null]) {
      const member = members.find((m) => m.language === language && mails.some((mail) => mail.to.includes(m.email)))!;
      const token = mails.find((mail) => mail.to.includes(member.email))!.token;
      expect((await demo.t.app.inject({ method: 'GET', url: `/api/v1/pulse/${token}` })).json().language).toBe(language ?? 'en');
    }
  });

  it('has Legal’s request menu in progress (rated by the team, too early for an effect) and Mobile’s finished review with its effect', async () => {
    const legal = (await get(`/api/v1/teams/${teamId.Legal}/actions`)).actions;
    expect(legal).toHaveLength(1);
    const { alerts } = await get(`/api/v1/alerts?status=open&teamId=${teamId.Legal}`);
    expect(legal[0]).toMatchObject({
      title: 'Publish a request menu for drive-thru requests',
      status: 'in_progress',
      ownerName: 'Lena Legal',
      alertId: alerts.find((a: { kind: string }) => a.kind === 'fortress').id,
      effect: { construct: 'openness', verdict: 'too_early', afterCycles: 1 },
      feedback: { score: { n: 8 } },
    });
    const mobile = (await get(`/api/v1/teams/${teamId.Mobile}/actions`)).actions;
    expect(mobile).toHaveLength(1);
    expect(mobile[0]).toMatchObject({ status: 'done', ownerName: 'Pablo Product', effect: { afterCycles: 3 } });
    expect(mobile[0].effect.verdict).not.toBe('too_early');
    expect(mobile[0].effect.ciLow).toBeLessThan(mobile[0].effect.difference);
    expect(mobile[0].effect.ciHigh).toBeGreaterThan(mobile[0].effect.difference);
    // A Legal member's open pulse asks about the menu.
    const legalMember = await demo.t.app.db
      .selectFrom('users')
      .select('email')
      .where('team_id', '=', teamId.Legal!)
      .executeTakeFirstOrThrow();
    const mail = (await readOutbox(demo.t.app)).find((m) => m.to.includes(legalMember.email) && m.token);
    const pulse = (await demo.t.app.inject({ method: 'GET', url: `/api/v1/pulse/${mail!.token}` })).json();
    expect(pulse.actions).toEqual([expect.objectContaining({ id: legal[0].id, title: 'Publish a request menu for drive-thru requests' })]);
  });

  it("prints a Legal member's link of the last closed pulse that opens the team's results, actions and leader's note", async () => {
    const res = await demo.t.app.inject({ method: 'GET', url: `/api/v1/pulse/${demo.summary.resultsToken}/results` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ team: { name: 'Legal' }, published: true, cycle: { closed: true } });
    expect(page.scores).toHaveLength(4);
    expect(page.scores[0].previous).not.toBeNull();
    expect(page.participation.responded).toBeGreaterThanOrEqual(5);
    expect(page.actions).toContainEqual(
      expect.objectContaining({ title: 'Publish a request menu for drive-thru requests', status: 'in_progress' }),
    );
    expect(page.note.body).toMatch(/^What we heard/);
  });

  it("prints a Legal comment's conversation link: three messages, shown under the comment to Legal's leader", async () => {
    const res = await demo.t.app.inject({ method: 'GET', url: `/api/v1/conversations/${demo.summary.conversationToken}` });
    expect(res.statusCode).toBe(200);
    const conversation = res.json();
    expect(conversation.comment).toMatch(/^Contract reviews from Sales/);
    expect(conversation.messages.map((m: { from: string }) => m.from)).toEqual(['leader', 'author', 'leader']);
    const listed = await get(`/api/v1/teams/${teamId.Legal}/comments`);
    expect(listed.comments.find((c: { text: string }) => c.text === conversation.comment).replies).toEqual(conversation.messages);
  });

  it('asks eNPS in every pulse and HR’s question in the last six, shown where the cells are', async () => {
    const { series } = await get(`/api/v1/teams/${teamId.Legal}/trends`);
    const visible = series.filter((p: { suppressed: boolean }) => !p.suppressed);
    expect(visible.every((p: { enps?: { n: number }; responded: number }) => p.enps?.n === p.responded)).toBe(true);
    const asked = series.map((p: { customItems?: { text: string }[] }) => p.customItems?.[0]?.text ?? null);
    expect(asked.slice(0, -6).every((text: string | null) => text === null)).toBe(true);
    expect(asked.slice(-6)).toEqual(Array(6).fill('I know what our team is trying to achieve this quarter.'));
    // Payroll (3 people) never shows either.
    const payroll = (await get(`/api/v1/teams/${teamId.Payroll}/trends`)).series;
    expect(payroll.some((p: { enps?: object; customItems?: object }) => p.enps || p.customItems)).toBe(false);
    // eNPS follows the needs: across the visible teams of the last closed cycle, it rises with relatedness.
    const { rows } = await get('/api/v1/overview');
    const shown = rows.filter((r: { enps?: object }) => r.enps) as { enps: { score: number }; scores: Record<string, { mean: number }> }[];
    expect(shown.length).toBeGreaterThanOrEqual(8);
    const needs = (r: (typeof shown)[number]) => (r.scores.autonomy!.mean + r.scores.competence!.mean + r.scores.relatedness!.mean) / 3;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const x = shown.map(needs);
    const y = shown.map((r) => r.enps.score);
    const [mx, my] = [mean(x), mean(y)];
    const cov = mean(x.map((v, i) => (v - mx) * (y[i]! - my)));
    expect(cov).toBeGreaterThan(0);
  });
});
