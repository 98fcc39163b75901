import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OverviewResponse, TrendsResponse } from '@pulse/shared';
import { seedDemo } from '@pulse/server/demo/seed-demo';
import { demoAccounts, demoOrganisation, type DemoTeam } from '@pulse/server/demo/demo-organisation';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../support/auth.js';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';

/** Screenshots for people to look at; the folder is gitignored and kept by CI as an artifact. */
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
const CONSTRUCTS = ['autonomy', 'competence', 'relatedness', 'openness'] as const;
const fmt = (value: number) => value.toFixed(1);

describe('leader and HR dashboards in Chromium, on the demo organisation', () => {
  let server: BrowserServer;
  let browser: Browser;
  const teamId: Record<string, string> = {};
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startBrowserServer();
    const { app } = server;
    await seedDemo({ db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log, settings: server.config });
    for (const team of await app.db.selectFrom('teams').select(['id', 'name']).execute()) teamId[team.name] = team.id;
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(email: string, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(demoAccounts.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Leaders and HR land on the insights.
    await page.waitForURL(/\/insights$/);
    return { context, page };
  }

  /** The API's answer, through the page's own session. */
  async function apiJson<T>(page: Page, path: string): Promise<T> {
    const res = await page.request.get(`${server.baseUrl}${path}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as T;
  }

  /** No serious or critical axe violations, and nothing wider than the viewport. */
  async function checkPage(page: Page, width: number) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  const trendCharts = (page: Page) => page.locator('.chart-figure .recharts-surface');

  it(
    'a leader sees their team’s trends, whose table and tooltip match the API, and acknowledges the fortress alert',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await signedIn(demoAccounts.leaders[0].email, 1280);
      await page.getByRole('link', { name: 'Insights' }).click();
      await page.waitForURL(/\/insights$/);
      // A leader's overview is their subtree: Legal only.
      const heatmap = page.getByRole('table', { name: /Scores from 0 to 100/ });
      await expect.poll(() => heatmap.locator('tbody tr').count()).toBe(1);
      await checkPage(page, 1280);
      await heatmap.getByRole('link', { name: 'Legal', exact: true }).click();
      await page.waitForURL(new RegExp(`/insights/teams/${teamId.Legal}$`));
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Legal');
      await expect.poll(() => trendCharts(page).count()).toBeGreaterThanOrEqual(4);

      // The data table under the autonomy chart shows the API's points and intervals.
      const trends = await apiJson<TrendsResponse>(page, `/api/v1/teams/${teamId.Legal}/trends`);
      expect(trends.series).toHaveLength(18);
      for (const construct of CONSTRUCTS) {
        const title = construct[0]!.toUpperCase() + construct.slice(1);
        await page.getByText(`Show the figures of “${title}” as a table`).click();
        const rows = page.getByRole('region', { name: `Figures: ${title}` }).locator('tbody tr');
        await expect.poll(() => rows.count()).toBe(trends.series.length);
        const shown = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
        trends.series.forEach((point, i) => {
          const score = point.scores?.[construct];
          const comparison = trends.comparison!.series.find((p) => p.cycleId === point.cycleId)?.scores?.[construct];
          const expected = score
            ? [point.label, fmt(score.mean), `${fmt(score.ciLow!)}–${fmt(score.ciHigh!)}`, String(score.n)]
            : [point.label, `Hidden: ${point.reason}`];
          expected.push(comparison ? fmt(comparison.mean) : 'hidden');
          expect(shown[i]).toEqual(expected);
        });
      }

      // The tooltip over the latest cycle gives the same mean, CI and n.
      const last = trends.series.at(-1)!;
      const chart = trendCharts(page).first();
      const box = (await chart.boundingBox())!;
      await chart.hover({ position: { x: box.width - 14, y: box.height / 2 } });
      const tooltip = page.locator('.chart-tooltip').first();
      await expect.poll(() => tooltip.textContent()).toContain(last.label);
      const a = last.scores!.autonomy;
      expect(await tooltip.textContent()).toContain(`Autonomy ${fmt(a.mean)} (95% CI ${fmt(a.ciLow!)}–${fmt(a.ciHigh!)}), n = ${a.n}`);
      await checkPage(page, 1280);
      await page.screenshot({ path: `${ARTIFACTS}dashboard-team-1280.png`, fullPage: true });

      // The fortress alert is there, with its signals and actions; the leader acknowledges it.
      const fortress = page.getByRole('article', { name: /Fortress pattern/ });
      await expect.poll(() => fortress.count()).toBe(1);
      expect(await fortress.textContent()).toMatch(/Critical|Warning/);
      // Each measure once, in plain words ("Feeling connected (relatedness): fell 19 points").
      expect(
        await fortress
          .getByRole('listitem')
          .filter({ hasText: /^Feeling connected \(relatedness\)/ })
          .count(),
      ).toBe(1);
      await fortress.getByRole('button', { name: 'Acknowledge Fortress pattern' }).click();
      await fortress.getByRole('button', { name: 'Save acknowledgement' }).click();
      await expect.poll(() => fortress.getByRole('alert').textContent()).toMatch(/Write a short note/);
      await fortress.getByLabel('Note').fill('Meeting the teams we serve next week.');
      await checkPage(page, 1280);
      await fortress.getByRole('button', { name: 'Save acknowledgement' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Fortress pattern alert acknowledged' }).count()).toBe(1);
      expect(await fortress.textContent()).toContain('“Meeting the teams we serve next week.”');
      const { alerts } = await apiJson<{ alerts: { kind: string; note: string }[] }>(
        page,
        `/api/v1/alerts?status=acknowledged&teamId=${teamId.Legal}`,
      );
      expect(alerts).toEqual([expect.objectContaining({ kind: 'fortress', note: 'Meeting the teams we serve next week.' })]);

      // The address is shareable: range and comments cycle come back from it.
      const first = trends.series[12]!;
      await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}?from=${first.opensAt.slice(0, 10)}&cycle=${first.cycleId}`);
      // Pulses are monthly, so the range is picked in months.
      await expect.poll(() => page.getByLabel('Cycles from').inputValue()).toBe(first.opensAt.slice(0, 7));
      await page.getByText('Show the figures of “Autonomy” as a table').click();
      await expect.poll(() => page.getByRole('region', { name: 'Figures: Autonomy' }).locator('tbody tr').count()).toBe(6);
      expect(await page.getByLabel('Cycle', { exact: true }).inputValue()).toBe(first.cycleId);

      // When the session has ended, signing in again comes back to this very view, range and cycle included.
      const view = page.url();
      await server.app.db.deleteFrom('sessions').execute();
      await page.reload();
      await page.waitForURL(/\/login\?next=/);
      expect(new URL(page.url()).searchParams.get('next')).toBe(view.slice(server.baseUrl.length));
      await page.getByLabel('Email').fill(demoAccounts.leaders[0].email);
      await page.getByLabel('Password').fill(demoAccounts.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(view);
      await expect.poll(() => page.getByLabel('Cycles from').inputValue()).toBe(first.opensAt.slice(0, 7));
      // Choosing months puts the first day of the first and the last day of the last in the address.
      const [year, month] = first.opensAt.slice(0, 7).split('-').map(Number);
      const lastMonth = `${year! + Math.floor(month! / 12)}-${String((month! % 12) + 1).padStart(2, '0')}`;
      await page.getByLabel('to', { exact: true }).fill(lastMonth);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const lastDay = {
        '01': 31,
        '02': 28,
        '03': 31,
        '04': 30,
        '05': 31,
        '06': 30,
        '07': 31,
        '08': 31,
        '09': 30,
        '10': 31,
        '11': 30,
        '12': 31,
      }[lastMonth.slice(5)];
      await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(`${lastMonth}-${lastDay}`);
      expect(new URL(page.url()).searchParams.get('from')).toBe(`${first.opensAt.slice(0, 7)}-01`);
      await context.close();

      // At phone width the same view fits the screen.
      const phone = await signedIn(demoAccounts.leaders[0].email, 390);
      await phone.page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
      await expect.poll(() => trendCharts(phone.page).count()).toBeGreaterThanOrEqual(4);
      await expect.poll(() => phone.page.locator('.chart-figure .recharts-surface').nth(5).count()).toBe(1);
      await checkPage(phone.page, 390);
      await phone.page.screenshot({ path: `${ARTIFACTS}dashboard-team-390.png`, fullPage: true });
      await phone.context.close();
      expect(problems).toEqual([]);
    },
  );

  it('HR reads the heatmap, downloads the CSV, and every visible cell equals the API while every hidden one is empty with its reason', async () => {
    const { context, page } = await signedIn(demoAccounts.hr.email, 1280);
    await page.getByRole('link', { name: 'Insights' }).click();
    const overview = await apiJson<OverviewResponse>(page, '/api/v1/overview');
    const heatmap = page.getByRole('table', { name: `Scores from 0 to 100 for ${overview.cycle!.label}` });
    // The heatmap opens with the top teams and their sub-teams; the rest load as rows are expanded.
    const topIds = new Set(overview.rows.filter((r) => r.team.parentId === null).map((r) => r.team.id));
    const firstLoad = overview.rows.filter((r) => r.team.parentId === null || topIds.has(r.team.parentId));
    expect(firstLoad.length).toBeLessThan(overview.rows.length);
    await expect.poll(() => heatmap.locator('tbody tr').count()).toBe(firstLoad.length);
    const expand = heatmap.getByRole('button', { name: /^Show the teams beneath / });
    while ((await expand.count()) > 0) {
      const before = await heatmap.locator('tbody tr').count();
      await expand.first().click();
      await expect.poll(() => heatmap.locator('tbody tr').count()).toBeGreaterThan(before);
    }
    await expect.poll(() => heatmap.locator('tbody tr').count()).toBe(overview.rows.length);

    const rowOf = (name: string) => heatmap.locator('tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
    for (const row of overview.rows) {
      const cells = rowOf(row.team.name).locator('td');
      if (row.suppressed) {
        expect(await cells.first().textContent()).toBe(`Hidden: ${row.reason}`);
      } else {
        const values = await rowOf(row.team.name).locator('.heat-value').allTextContents();
        expect(values).toEqual(CONSTRUCTS.map((c) => fmt(row.scores![c].mean)));
        // eNPS of a shown cell, in a column of its own, from the same API figure too.
        const enps = await rowOf(row.team.name).locator('.enps-cell').textContent();
        const signed = (v: number) => (v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : fmt(0));
        expect(enps!.split(',')[0]).toBe(row.enps ? signed(row.enps.score) : '—');
      }
      // Partners' rating, hidden or not, comes from the same API figure (text before its spoken detail).
      const partner = await rowOf(row.team.name).locator('.partner-cell').textContent();
      expect(partner!.split(',')[0]).toBe(row.partner ? fmt(row.partner.mean) : '—');
    }
    expect(overview.rows.some((r) => r.suppressed)).toBe(true);
    expect(overview.rows.some((r) => r.partner)).toBe(true);
    expect(overview.rows.some((r) => r.enps)).toBe(true);
    await checkPage(page, 1280);

    // The fortress watch puts Legal first; sorting and collapsing keep the hierarchy.
    const watch = page.getByRole('region', { name: 'Fortress watch' }).getByRole('listitem');
    expect(await watch.first().textContent()).toMatch(/^Shared Services\/Legal/);
    await heatmap.getByRole('button', { name: 'Openness' }).click();
    await page.waitForURL(/sort=openness&dir=desc/);
    expect(await heatmap.locator('th[aria-sort="descending"]').textContent()).toMatch(/Openness/);
    await heatmap.getByRole('button', { name: 'Hide the teams beneath Shared Services' }).click();
    await expect.poll(() => rowOf('Legal').count()).toBe(0);
    await heatmap.getByRole('button', { name: 'Show the teams beneath Shared Services' }).click();
    await page.screenshot({ path: `${ARTIFACTS}dashboard-overview-1280.png`, fullPage: true });

    // HR's "everything": the whole cycle as a JSON download, the same rows as the API's.
    const [whole] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download every team of this cycle (JSON)' }).click(),
    ]);
    expect(whole.suggestedFilename()).toMatch(/^pulse-overview-.+\.json$/);
    expect(JSON.parse(readFileSync((await whole.path())!, 'utf8'))).toEqual(overview);

    // A search by name shows the teams found with the same cells as the heatmap.
    await page.getByLabel('Part of a team name').fill('sales');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForURL(/q=sales/);
    const found = page.getByRole('region', { name: 'Teams found' }).locator('tbody tr');
    const sales = overview.rows.filter((r) => /sales/i.test(r.team.name));
    expect(sales.length).toBeGreaterThan(1);
    await expect.poll(() => found.count()).toBe(sales.length);
    for (const row of sales) {
      const line = found.filter({ has: page.getByRole('link', { name: row.team.name, exact: true }) });
      if (row.suppressed) expect(await line.locator('td').first().textContent()).toBe(`Hidden: ${row.reason}`);
      else expect(await line.locator('.heat-value').allTextContents()).toEqual(CONSTRUCTS.map((c) => fmt(row.scores![c].mean)));
    }
    await checkPage(page, 1280);

    // Download the CSV from the export page and compare it with the API and the screen.
    await page.getByRole('link', { name: 'Export', exact: true }).click();
    await page.waitForURL(/\/exports$/);
    await checkPage(page, 1280);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv: Record<string, string>[] = parse(readFileSync((await download.path())!), { bom: true, columns: true });
    // The four constructs; alignment and the partners' view have rows of their own (partners-demo test).
    const main = csv.filter((r) => (CONSTRUCTS as readonly string[]).includes(r.construct!));
    const exported = main.filter((r) => r.cycle === overview.cycle!.label);
    for (const row of overview.rows) {
      const mine = exported.filter((r) => r.team_path === row.team.path);
      expect(mine.map((r) => r.construct)).toEqual([...CONSTRUCTS]);
      for (const cell of mine) {
        if (row.suppressed) {
          expect(cell).toMatchObject({ n: '', mean: '', ci_low: '', ci_high: '', fortress_index: '', suppressed: row.reason });
        } else {
          const score = row.scores![cell.construct as (typeof CONSTRUCTS)[number]];
          expect([Number(cell.n), Number(cell.mean), Number(cell.ci_low), Number(cell.ci_high)]).toEqual([
            score.n,
            score.mean,
            score.ciLow,
            score.ciHigh,
          ]);
          expect(fmt(Number(cell.mean))).toBe(fmt(score.mean));
          expect(cell.suppressed).toBe('');
        }
      }
    }
    // Every cycle of every team since it joined, and the organisation, four constructs each.
    const beforeJoining = (teams: readonly DemoTeam[]): number =>
      teams.reduce((sum, t) => sum + (t.joinsAt ?? 0) + beforeJoining(t.children ?? []), 0);
    expect(main).toHaveLength(((overview.rows.length + 1) * overview.cycles.length - beforeJoining(demoOrganisation)) * 4);
    await context.close();

    const phone = await signedIn(demoAccounts.hr.email, 390);
    await phone.page.goto(`${server.baseUrl}/insights?cycle=${overview.cycles[1]!.id}`);
    await expect
      .poll(() => phone.page.getByRole('table', { name: `Scores from 0 to 100 for ${overview.cycles[1]!.label}` }).count())
      .toBe(1);
    await expect.poll(() => phone.page.locator('.chart-figure .recharts-surface').count()).toBe(1);
    await checkPage(phone.page, 390);
    await phone.page.screenshot({ path: `${ARTIFACTS}dashboard-overview-390.png`, fullPage: true });
    await phone.page.goto(`${server.baseUrl}/exports?format=xlsx&from=2020-01-01`);
    await expect
      .poll(() => phone.page.getByRole('link', { name: 'Download XLSX' }).getAttribute('href'))
      .toBe('/api/v1/exports/aggregates?format=xlsx&from=2020-01-01');
    await checkPage(phone.page, 390);
    await phone.context.close();
    expect(problems).toEqual([]);
  });

  it('tells the admin on Settings which pulse was published at which threshold, and that lowering it applies to pulses closed from now on', async () => {
    const { latestPublication } = await server.app
      .inject({ method: 'GET', url: '/api/v1/settings', headers: (await loginAs(server.app, 'admin')).headers })
      .then((r) => r.json());
    for (const width of [390, 1366]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('Email').fill(demoAccounts.admin.email);
      await page.getByLabel('Password').fill(demoAccounts.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/teams$/);
      await page.goto(`${server.baseUrl}/settings`);
      const sentence = page.getByText(`“${latestPublication.cycleLabel}” was published at k = 5.`);
      await expect.poll(() => sentence.count()).toBe(1);
      expect(await sentence.textContent()).toMatch(/lowering the threshold applies to pulses closed from now on/);
      expect(await sentence.isVisible()).toBe(true);
      await checkPage(page, width);
      await page.screenshot({ path: `${ARTIFACTS}settings-${width}.png`, fullPage: true });
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('a team view lists earlier, resolved alerts a page at a time, newest first, with their total', async () => {
    const { context, page } = await signedIn(demoAccounts.hr.email, 1280);
    const { alerts } = await apiJson<{ alerts: { teamId: string }[] }>(page, '/api/v1/alerts?status=resolved');
    const perTeam = new Map<string, number>();
    for (const a of alerts) perTeam.set(a.teamId, (perTeam.get(a.teamId) ?? 0) + 1);
    const [team, total] = [...perTeam].sort((a, b) => b[1] - a[1])[0]!;
    await page.goto(`${server.baseUrl}/insights/teams/${team}`);
    const earlier = page.locator('details.resolved-alerts');
    await earlier.getByText(`Earlier alerts, resolved by later cycles (${total})`).click();
    const cards = earlier.locator('article.alert-card');
    await expect.poll(() => cards.count()).toBe(Math.min(10, total));
    if (total > 10) {
      await earlier.getByRole('button', { name: /^Show older alerts/ }).click();
      await expect.poll(() => cards.count()).toBe(Math.min(20, total));
    }
    await checkPage(page, 1280);
    await context.close();
  });
});
