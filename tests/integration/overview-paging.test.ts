import type { OverviewResponse, OverviewRow } from '@pulse/shared';
import { describe, expect, it } from 'vitest';
import { loginAs } from '../support/auth.js';
import { useDemoOrganisation } from '../support/demo.js';
import { backend } from '../support/test-app.js';

const withoutChildCount = ({ childCount: _childCount, ...row }: OverviewRow) => row;
const levelRank = { critical: 3, warning: 2, watch: 1 } as const;

/** Issue 23: the overview loads what the screen shows, every row from the one stored decision. */
describe(`the paged overview (${backend})`, () => {
  const demo = useDemoOrganisation();

  /** Every row a view serves is the whole overview's row for that team, unchanged. */
  function expectSameCells(view: OverviewResponse, whole: OverviewResponse) {
    const byId = new Map(whole.rows.map((r) => [r.team.id, r]));
    for (const row of view.rows) {
      const full = byId.get(row.team.id);
      expect(full, `${row.team.path} is not in the whole overview`).toBeDefined();
      expect(withoutChildCount(row)).toEqual(full);
      expect(row.childCount).toBe(whole.rows.filter((r) => r.team.parentId === row.team.id).length);
    }
  }

  it('opens with the top teams and their sub-teams, and expanding every row on demand reaches the whole overview, cell for cell, in every cycle', async () => {
    const { cycles } = (await demo.get('/api/v1/overview')) as OverviewResponse;
    let hiddenSeen = 0;
    for (const cycle of cycles) {
      const whole = (await demo.get(`/api/v1/overview?cycleId=${cycle.id}`)) as OverviewResponse;
      const first = (await demo.get(`/api/v1/overview/teams?cycleId=${cycle.id}`)) as OverviewResponse;
      const roots = whole.rows.filter((r) => r.team.parentId === null);
      const expectedFirst = whole.rows.filter((r) => r.team.parentId === null || roots.some((root) => root.team.id === r.team.parentId));
      expect(first.rows.map((r) => r.team.path)).toEqual(expectedFirst.map((r) => r.team.path));
      expect(first.rows.length).toBeLessThan(whole.rows.length);
      expectSameCells(first, whole);

      const loaded = new Map(first.rows.map((r) => [r.team.id, r]));
      const toExpand = first.rows.filter((r) => r.depth > 0 && (r.childCount ?? 0) > 0);
      while (toExpand.length) {
        const parent = toExpand.pop()!;
        const below = (await demo.get(`/api/v1/overview/teams?cycleId=${cycle.id}&parent=${parent.team.id}`)) as OverviewResponse;
        expect(below.rows.length).toBe(parent.childCount);
        expect(below.rows.every((r) => r.team.parentId === parent.team.id)).toBe(true);
        expectSameCells(below, whole);
        for (const row of below.rows) {
          loaded.set(row.team.id, row);
          if ((row.childCount ?? 0) > 0) toExpand.push(row);
        }
      }
      expect([...loaded.keys()].sort()).toEqual(whole.rows.map((r) => r.team.id).sort());
      hiddenSeen += [...loaded.values()].filter((r) => r.suppressed).length;
    }
    // The property is only worth something if some cells are hidden.
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it('finds teams by part of their name, any case, with the same cells; wildcards are plain characters', async () => {
    const whole = (await demo.get('/api/v1/overview')) as OverviewResponse;
    const found = (await demo.get('/api/v1/overview/search?q=sALES')) as OverviewResponse;
    const expected = whole.rows.filter((r) => r.team.name.toLowerCase().includes('sales')).map((r) => r.team.name);
    expect(expected.length).toBeGreaterThan(1);
    expect(found.rows.map((r) => r.team.name)).toEqual([...expected].sort());
    expectSameCells(found, whole);
    expect(((await demo.get('/api/v1/overview/search?q=Sales&limit=1')) as OverviewResponse).rows).toHaveLength(1);
    expect(((await demo.get('/api/v1/overview/search?q=%25')) as OverviewResponse).rows).toEqual([]);
    expect(((await demo.get('/api/v1/overview/search?q=_')) as OverviewResponse).rows).toEqual([]);
  });

  it('serves the worst-first lists from the server, as the screen used to sort them', async () => {
    const whole = (await demo.get('/api/v1/overview')) as OverviewResponse;
    const watch = (await demo.get('/api/v1/overview/worst?view=fortress&limit=100')) as OverviewResponse;
    const expectedWatch = whole.rows
      .filter((r) => r.alertLevel !== null || (r.fortressIndex ?? 0) >= 20)
      .sort(
        (a, b) =>
          (b.alertLevel ? levelRank[b.alertLevel] : 0) - (a.alertLevel ? levelRank[a.alertLevel] : 0) ||
          (b.fortressIndex ?? -1) - (a.fortressIndex ?? -1) ||
          a.team.name.localeCompare(b.team.name),
      );
    expect(expectedWatch.length).toBeGreaterThan(0);
    expect(watch.rows.map((r) => r.team.name)).toEqual(expectedWatch.map((r) => r.team.name));
    expectSameCells(watch, whole);

    const lowest = (await demo.get('/api/v1/overview/worst?view=participation&limit=3')) as OverviewResponse;
    const rate = (r: OverviewRow) => r.responded / r.invited;
    const expectedLowest = whole.rows
      .filter((r) => r.invited > 0)
      .sort((a, b) => rate(a) - rate(b) || a.team.name.localeCompare(b.team.name));
    expect(lowest.rows.map((r) => r.team.name)).toEqual(expectedLowest.slice(0, 3).map((r) => r.team.name));
    expectSameCells(lowest, whole);
  });

  it('gives a leader only their subtree: their team first, and nothing outside it by expanding, searching or sorting', async () => {
    const { t, teamId } = demo;
    const leader = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: teamId.Legal!, user_id: leader.user.id }).execute();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: leader.headers });
    const whole = (await get('/api/v1/overview')).json() as OverviewResponse;
    const mine = new Set(whole.rows.map((r) => r.team.id));
    expect(mine.has(teamId.Legal!)).toBe(true);
    expect(mine.has(teamId.Finance!)).toBe(false);

    const first = (await get('/api/v1/overview/teams')).json() as OverviewResponse;
    expect(first.rows[0]!.team.id).toBe(teamId.Legal);
    expect(first.rows.every((r) => mine.has(r.team.id))).toBe(true);
    expectSameCells(first, whole);
    const legalRow = first.rows[0]!;
    for (const view of [
      `/api/v1/overview/teams?parent=${legalRow.team.parentId}`,
      `/api/v1/overview/teams?parent=${teamId.Finance}`,
      '/api/v1/overview/teams?parent=00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await get(view);
      expect(res.statusCode, view).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(((await get('/api/v1/overview/search?q=Finance')).json() as OverviewResponse).rows).toEqual([]);
    for (const view of ['fortress', 'participation']) {
      const worst = (await get(`/api/v1/overview/worst?view=${view}&limit=100`)).json() as OverviewResponse;
      expect(worst.rows.every((r) => mine.has(r.team.id))).toBe(true);
      expectSameCells(worst, whole);
    }
  });

  it("downloads the whole overview as an attachment, the same JSON as the screen's reads, and a leader's only in scope", async () => {
    const { t, hr, teamId } = demo;
    const { cycles } = (await demo.get('/api/v1/overview')) as OverviewResponse;
    const cycle = cycles[1]!;
    const plain = await t.app.inject({ method: 'GET', url: `/api/v1/overview?cycleId=${cycle.id}`, headers: hr.headers });
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/overview?cycleId=${cycle.id}&download=true`, headers: hr.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="pulse-overview-[\p{L}\p{N}-]+\.json"$/u);
    expect(download.headers['content-type']).toMatch(/^application\/json/);
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.json()).toEqual(plain.json());
    expect(download.json().rows.some((r: OverviewRow) => r.suppressed)).toBe(true);

    const leader = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: teamId.Finance!, user_id: leader.user.id }).execute();
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/v1/overview?download=true', headers: leader.headers })
    ).json() as OverviewResponse;
    expect(theirs.rows.map((r) => r.team.id)).toContain(teamId.Finance);
    expect(theirs.rows.map((r) => r.team.id)).not.toContain(teamId.Legal);
  });

  it('refuses bad input with a clear 400 and members with 403', async () => {
    const { t, hr } = demo;
    for (const url of [
      '/api/v1/overview/teams?parent=42',
      '/api/v1/overview/teams?cycleId=march',
      '/api/v1/overview/search',
      '/api/v1/overview/search?q=%20%20',
      `/api/v1/overview/search?q=${'a'.repeat(101)}`,
      '/api/v1/overview/search?q=Sales&limit=0',
      '/api/v1/overview/worst?view=best',
      '/api/v1/overview/worst?view=fortress&limit=101',
      '/api/v1/overview?download=yes',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: hr.headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    const unknownCycle = await t.app.inject({
      method: 'GET',
      url: '/api/v1/overview/teams?cycleId=00000000-0000-4000-8000-000000000000',
      headers: hr.headers,
    });
    expect(unknownCycle.statusCode).toBe(404);
    const member = await loginAs(t.app, 'member');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/overview/teams', headers: member.headers })).statusCode).toBe(403);
  });
});
