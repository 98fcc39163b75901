import type { Alert, AlertsResponse, OverviewResponse } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../support/auth.js';
import { useDemoOrganisation } from '../support/demo.js';
import { backend } from '../support/test-app.js';

const levels = ['critical', 'warning', 'watch'] as const;

/** Issue 23: alerts come filtered, sorted and paged, with counts per level in the same answer. */
describe(`alerts in pages (${backend})`, () => {
  const demo = useDemoOrganisation();

  /** Every page of `url` (which has no cursor yet), following nextCursor to the end. */
  async function walk(url: string, get = demo.get): Promise<{ alerts: Alert[]; pages: AlertsResponse[] }> {
    const pages: AlertsResponse[] = [];
    let next: string | null = null;
    do {
      const page = (await get(`${url}${next === null ? '' : `&after=${encodeURIComponent(next)}`}`)) as AlertsResponse;
      pages.push(page);
      next = page.nextCursor;
    } while (next !== null && pages.length < 500);
    return { alerts: pages.flatMap((p) => p.alerts), pages };
  }

  it('pages through every alert exactly once, in the unpaged order, with the same counts on every page', async () => {
    const all = (await demo.get('/api/v1/alerts?status=all')) as AlertsResponse;
    expect(all.alerts.length).toBeGreaterThan(6);
    expect(all.nextCursor).toBeNull();
    for (const level of levels) expect(all.counts[level]).toBe(all.alerts.filter((a) => a.level === level).length);
    const rank = (a: Alert) => levels.indexOf(a.level);
    expect(all.alerts.map(rank)).toEqual(all.alerts.map(rank).sort((a, b) => a - b));

    const { alerts, pages } = await walk('/api/v1/alerts?status=all&limit=4');
    expect(pages.length).toBe(Math.ceil(all.alerts.length / 4));
    expect(pages.every((p) => p.alerts.length <= 4)).toBe(true);
    expect(alerts.map((a) => a.id)).toEqual(all.alerts.map((a) => a.id));
    for (const page of pages) expect(page.counts).toEqual(all.counts);
  });

  it('sorts newest first on request and filters by level, kind and status, counting per level without the level filter', async () => {
    const all = ((await demo.get('/api/v1/alerts?status=all')) as AlertsResponse).alerts;
    const { cycles } = (await demo.get('/api/v1/overview')) as OverviewResponse;
    const age = (a: Alert) => cycles.findIndex((c) => c.id === a.cycleId);
    const newest = (await walk('/api/v1/alerts?status=all&sort=newest&limit=5')).alerts;
    expect(newest.map((a) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
    expect(newest.map(age)).toEqual(newest.map(age).sort((a, b) => a - b));

    const fortress = (await demo.get('/api/v1/alerts?status=all&kind=fortress')) as AlertsResponse;
    expect(fortress.alerts.map((a) => a.id)).toEqual(all.filter((a) => a.kind === 'fortress').map((a) => a.id));
    const warnings = (await walk('/api/v1/alerts?status=all&kind=fortress&level=warning&limit=1')).pages;
    expect(warnings.flatMap((p) => p.alerts).map((a) => a.id)).toEqual(
      all.filter((a) => a.kind === 'fortress' && a.level === 'warning').map((a) => a.id),
    );
    expect(warnings[0]!.counts).toEqual(fortress.counts);

    const open = (await demo.get('/api/v1/alerts?status=open&limit=200')) as AlertsResponse;
    expect(open.alerts.map((a) => a.id)).toEqual(all.filter((a) => a.status === 'open').map((a) => a.id));
    const current = (await demo.get('/api/v1/alerts?status=current')) as AlertsResponse;
    expect(current.alerts.map((a) => a.id)).toEqual(all.filter((a) => a.status !== 'resolved').map((a) => a.id));
  });

  it("filters by subtree: a team's alerts and those of every team beneath it", async () => {
    const whole = (await demo.get('/api/v1/overview')) as OverviewResponse;
    const all = ((await demo.get('/api/v1/alerts?status=all')) as AlertsResponse).alerts;
    const parents = whole.rows.filter((r) => whole.rows.some((c) => c.team.parentId === r.team.id));
    let nonEmpty = 0;
    for (const parent of parents) {
      const inside = new Set(
        whole.rows.filter((r) => r.team.path === parent.team.path || r.team.path.startsWith(`${parent.team.path}/`)).map((r) => r.team.id),
      );
      const { alerts } = (await demo.get(`/api/v1/alerts?status=all&subtreeOf=${parent.team.id}`)) as AlertsResponse;
      expect(alerts.map((a) => a.id)).toEqual(all.filter((a) => inside.has(a.teamId)).map((a) => a.id));
      if (alerts.some((a) => a.teamId !== parent.team.id)) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it("keeps a leader inside their scope: another team's subtree is not found, and counts cover only their teams", async () => {
    const { t, teamId } = demo;
    const leader = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: teamId.Legal!, user_id: leader.user.id }).execute();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: leader.headers });
    const outside = await get(`/api/v1/alerts?status=all&subtreeOf=${teamId.Finance}`);
    expect(outside.statusCode).toBe(404);
    const mine = (await get('/api/v1/alerts?status=all&limit=1')).json() as AlertsResponse;
    const legal = ((await demo.get(`/api/v1/alerts?status=all&subtreeOf=${teamId.Legal}`)) as AlertsResponse).alerts;
    expect(legal.length).toBeGreaterThan(0);
    expect(mine.counts.watch + mine.counts.warning + mine.counts.critical).toBe(legal.length);
    const walked = await walk('/api/v1/alerts?status=all&limit=1', async (url) => (await get(url)).json());
    expect(walked.alerts.map((a) => a.id)).toEqual(legal.map((a) => a.id));
  });

  it('refuses bad input with a clear 400', async () => {
    const { t, hr } = demo;
    const forged = Buffer.from(
      JSON.stringify([0, "2026-01-01 00:00:00+00'; drop table alerts; --", 'x', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    for (const url of [
      '/api/v1/alerts?limit=0',
      '/api/v1/alerts?limit=201',
      '/api/v1/alerts?level=panic',
      '/api/v1/alerts?kind=gossip',
      '/api/v1/alerts?sort=oldest',
      '/api/v1/alerts?subtreeOf=42',
      '/api/v1/alerts?limit=5&after=not-a-cursor',
      `/api/v1/alerts?limit=5&after=${forged}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: hr.headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect(((await demo.get('/api/v1/alerts?status=all')) as AlertsResponse).alerts.length).toBeGreaterThan(0);
  });
});
