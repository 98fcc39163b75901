import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DriversResponse, ReliabilityResponse } from '@pulse/shared/api/scales';
import { demoAccounts } from '@pulse/server/demo/demo-organisation';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signIn, startDemoBrowserServer, type BrowserServer } from '../support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

/** Issue 19: HR reads whether the scales hang together, for the demo's last pulse. */
describe('About the scales, in Chromium on the demo organisation', () => {
  let server: BrowserServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server } = await startDemoBrowserServer());
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function hrAt(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } })).newPage();
    await signIn(page, server.baseUrl, demoAccounts.hr.email, demoAccounts.password);
    return page;
  }

  for (const width of [1366, 390]) {
    it(`at ${width} px: HR goes from the overview to About the scales and sees α, ω and item–total correlations for the last pulse`, async () => {
      const page = await hrAt(width);
      await page.getByRole('link', { name: 'About the scales' }).first().click();
      await page.waitForURL(/\/insights\/scales/);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('About the scales');
      const expected = (await (await page.request.get(`${server.baseUrl}/api/v1/instrument/reliability`)).json()) as ReliabilityResponse;
      const last = expected.cycle!.label;
      const table = page.getByRole('region', { name: `Reliability per scale, ${last} (${expected.n} answers)` });
      await expect.poll(() => table.getByRole('row').count()).toBe(5);
      expect(await page.getByLabel('Pulse').inputValue()).toBe(expected.cycle!.id);
      // Each construct's α and ω with their intervals, as the server computed them, two decimals.
      for (const c of expected.constructs) {
        const name = c.construct[0]!.toUpperCase() + c.construct.slice(1);
        const row = table.getByRole('row', { name: new RegExp(`^${name}`) });
        const text = await row.textContent();
        expect(text).toContain(`${c.alpha.toFixed(2)} (${c.alphaCi[0].toFixed(2)}–${c.alphaCi[1].toFixed(2)})`);
        expect(text).toContain(`${c.omega.toFixed(2)} (${c.omegaCi![0].toFixed(2)}–${c.omegaCi![1].toFixed(2)})`);
        expect(text).toContain(c.alpha < 0.7 || c.omega < 0.7 ? 'below 0.7' : '0.7 or more');
      }
      // Either every scale passes or the warning names those that do not.
      const low = expected.constructs.filter((c) => c.alpha < 0.7 || c.omega < 0.7);
      if (low.length) expect(await page.getByRole('heading', { name: 'Some scales fall short' }).isVisible()).toBe(true);
      else expect(await page.getByRole('status').filter({ hasText: 'all four scales hang together well' }).isVisible()).toBe(true);
      // The verdict and the table are in the first screen.
      const firstScreen = await table.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight);
      expect(firstScreen).toBe(true);

      const items = page.getByRole('region', { name: 'Openness: each statement with the rest of its scale' });
      await expect.poll(() => items.getByRole('row').count()).toBe(5);
      const walls = expected.constructs.find((c) => c.construct === 'openness')!.items.find((i) => i.id === 'ope_walls')!;
      expect(await items.getByRole('row', { name: /arm’s length/ }).textContent()).toContain(walls.itemTotal.toFixed(2));
      expect(await items.getByRole('row', { name: /arm’s length/ }).textContent()).toContain('(counted the other way round)');

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}scales-${width}.png`, fullPage: true });
    });
  }

  it('at 1366 px: for a pulse without eNPS answers, the overview says plainly that there are no eNPS answers yet, and shows no weights', async () => {
    const page = await hrAt(1366);
    // A pulse whose answers hold no eNPS, as one that did not ask it stores them.
    const { rows } = await sql<{ id: string }>`select id from cycles where status = 'closed' order by opens_at limit 1`.execute(
      server.app.db,
    );
    await sql`update responses set answers = answers - 'enps' where cycle_id = ${rows[0]!.id}`.execute(server.app.db);
    await page.goto(`${server.baseUrl}/insights?cycle=${rows[0]!.id}`);
    const panel = page.getByRole('region', { name: 'What most goes with people recommending their team' });
    await expect.poll(() => panel.textContent()).toContain('No eNPS answers yet');
    expect(await panel.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(await axeViolations(page)).toEqual([]);
    await panel.screenshot({ path: `${ARTIFACTS}drivers-1366.png` });
  });

  it('at 390 px: once a pulse has eNPS answers, the panel names the need that goes most with recommending, and shows the four weights', async () => {
    const page = await hrAt(390);
    const { cycles } = (await (await page.request.get(`${server.baseUrl}/api/v1/instrument/reliability`)).json()) as ReliabilityResponse;
    const cycle = cycles[2]!;
    // As the eNPS item stores its answers: an integer 0–10 among the answers, here following relatedness.
    await sql`update responses set answers = answers || jsonb_build_object('enps', least(10, greatest(0, (answers->>'rel_team')::int * 2 + (answers->>'ope_yes')::int - 3)))
      where cycle_id = ${cycle.id}`.execute(server.app.db);
    const expected = (await (
      await page.request.get(`${server.baseUrl}/api/v1/instrument/drivers?cycleId=${cycle.id}`)
    ).json()) as DriversResponse;
    const top = [...expected.weights].sort((a, b) => b.weight - a.weight)[0]!;
    expect(top.construct).toBe('relatedness');

    await page.goto(`${server.baseUrl}/insights?cycle=${cycle.id}`);
    const panel = page.getByRole('region', { name: 'What most goes with people recommending their team' });
    await expect.poll(() => panel.getByRole('row').count()).toBe(5);
    expect(await panel.textContent()).toContain(
      `Relatedness goes most with people recommending their team: ${Math.round(top.share * 100)}%`,
    );
    const row = await panel.getByRole('row', { name: /^Relatedness/ }).textContent();
    expect(row).toContain(`${top.weight.toFixed(3)} (${top.ci![0].toFixed(3)}–${top.ci![1].toFixed(3)})`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await panel.screenshot({ path: `${ARTIFACTS}drivers-390.png` });
  });
});
