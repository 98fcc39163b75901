import type { Alert, TrendsResponse } from '@pulse/shared';
import { demoAccounts } from '@pulse/server/demo/demo-organisation';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signIn, startDemoBrowserServer, type BrowserServer } from '../support/browser.js';

/** Issue 17, "What a leader sees first", on the demo organisation: each defect as a leader or HR meets it. */
describe('what a leader sees first, in Chromium on the demo organisation', () => {
  let server: BrowserServer;
  let browser: Browser;
  let teamId: Record<string, string> = {};
  const DESKTOP = { width: 1366, height: 900 };
  const PHONE = { width: 390, height: 844 };
  const lena = demoAccounts.leaders[0].email;

  beforeAll(async () => {
    ({ server, teamId } = await startDemoBrowserServer());
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }, locale?: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport, ...(locale ? { locale } : {}) })).newPage();
    // Leaders and HR land on the insights, an admin on the teams.
    await signIn(page, server.baseUrl, email, demoAccounts.password);
    return page;
  }
  const api = async <T>(page: Page, path: string): Promise<T> => (await (await page.request.get(`${server.baseUrl}${path}`)).json()) as T;
  /** Whether the element's box lies wholly inside the first viewport (the page not scrolled). */
  const inFirstViewport = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const box = el.getBoundingClientRect();
        return window.scrollY === 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
      });

  it('1: a leader’s customers page names the customer teams, the editor names them too and offers every other team to add', async () => {
    const page = await signedIn(lena, DESKTOP);
    await page.getByRole('link', { name: 'Internal customers' }).click();
    const map = page.getByRole('region', { name: 'Who serves whom', exact: true });
    await expect.poll(() => map.textContent()).toContain('Sales & Customers/Sales North (drive-thru)');
    expect(await map.textContent()).toContain('Product/Platform (strategic partner)');
    expect(await map.textContent()).not.toContain('…');

    // Her own team is named from the top of what she leads.
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Legal' });
    const editor = page.getByRole('region', { name: 'Teams Legal serves' });
    await expect.poll(() => editor.getByRole('button', { name: 'Remove Sales & Customers/Sales North' }).count()).toBe(1);
    expect(await editor.getByRole('button', { name: /Remove [0-9a-f]{8}-/ }).count()).toBe(0);
    const add = page.getByLabel('Add a customer team');
    const offered = await add.locator('option').allTextContents();
    expect(offered).toContain('Product/Design');
    expect(offered).not.toContain('Shared Services/Legal');
    expect(offered).not.toContain('Sales & Customers/Sales North');

    await add.selectOption({ label: 'Product/Design' });
    await editor.getByRole('button', { name: 'Add', exact: true }).click();
    await editor.getByRole('button', { name: 'Save customers' }).click();
    await expect.poll(() => map.textContent()).toContain('Product/Design (drive-thru)');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`2: on a ${size} (${viewport.width}×${viewport.height}) the team view opens with the critical alert: its level, what it means, what to do`, async () => {
      const page = await signedIn(lena, viewport);
      await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
      const banner = page.getByRole('region', { name: /^Critical/ });
      await expect.poll(() => banner.count()).toBe(1);
      expect(await banner.getByRole('heading').first().textContent()).toMatch(/^Critical: /);
      expect(await banner.textContent()).toContain('What it means');
      expect(await banner.textContent()).toContain('What to do first');
      // Legal's leader already started the request menu (demo): the banner says so.
      expect(await banner.textContent()).toContain('Action in progress: “Publish a request menu for drive-thru requests”');
      // Each part inside the first screen, before any scrolling.
      for (const part of ['.lead-alert h2', '.lead-alert .lead-meaning', '.lead-alert .lead-action']) {
        expect(await inFirstViewport(page, part), part).toBe(true);
      }
      // It leads to the full alert, further down.
      await banner.getByRole('link', { name: /See the alerts/ }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#alerts');
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('3: no dashboard page scrolls sideways at 390 or 1366 px; at 1366 no table is cut; on a phone the heatmap shows every construct', async () => {
    const pages = [
      '/insights',
      `/insights/teams/${teamId.Legal}`,
      `/insights/teams/${teamId.Product}`,
      '/teams',
      '/members',
      '/customers',
      '/guide/remedies',
      '/users',
      '/exports',
      '/audit',
      '/outbox',
      '/settings',
    ];
    const wide: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await signedIn(demoAccounts.admin.email, viewport);
      for (const path of pages) {
        await page.goto(`${server.baseUrl}${path}`);
        await expect.poll(() => page.locator('main h1').count()).toBe(1);
        // Wait for the page's data: no loading state left.
        await expect.poll(() => page.locator('.state-loading, [aria-busy="true"]').count()).toBe(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${path} at ${viewport.width}: ${overflow}px sideways`);
        if (viewport === DESKTOP) {
          const cut = await page
            .locator('.table-scroll')
            .evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.getAttribute('aria-label')));
          for (const label of cut) wide.push(`${path} at 1366: table "${label}" is cut`);
        }
      }
      await page.context().close();
    }
    expect(wide).toEqual([]);

    const phone = await signedIn(demoAccounts.hr.email, PHONE);
    const heatmap = phone.locator('.table-scroll').filter({ has: phone.locator('table.heatmap') });
    await expect.poll(() => heatmap.locator('tbody tr').count()).toBeGreaterThan(5);
    const region = (await heatmap.boundingBox())!;
    for (const construct of ['Autonomy', 'Competence', 'Relatedness', 'Openness']) {
      const head = (await heatmap.getByRole('columnheader', { name: new RegExp(construct) }).boundingBox())!;
      expect(head.x + head.width, construct).toBeLessThanOrEqual(region.x + region.width + 1);
    }
    await phone.context().close();
  });

  it('4 and 5: the alert speaks plainly first, one number per drop, the team’s own openness told from its partners’; the statistics wait behind “Show the evidence”', async () => {
    const page = await signedIn(lena, DESKTOP);
    await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
    const fortress = page.getByRole('article', { name: /Fortress pattern/ });
    await expect.poll(() => fortress.count()).toBe(1);
    const visibleText = () => fortress.evaluate((el) => (el as HTMLElement).innerText);
    expect(await visibleText()).not.toMatch(/σ|EWMA|n = \d/);
    const { alerts } = await api<{ alerts: Alert[] }>(page, `/api/v1/alerts?status=all&teamId=${teamId.Legal}`);
    const alert = alerts.find((a) => a.kind === 'fortress' && a.status === 'open')!;
    // The summary's relatedness drop is the very number listed for it.
    const quoted = /Relatedness fell (\d+) points/.exec(alert.summary)![1];
    const listed = await fortress
      .getByRole('listitem')
      .filter({ hasText: /^Feeling connected/ })
      .textContent();
    expect(listed).toContain(`fell ${quoted} points`);
    const own = await fortress
      .getByRole('listitem')
      .filter({ hasText: /^Openness, as the team rates itself/ })
      .count();
    const partners = await fortress
      .getByRole('listitem')
      .filter({ hasText: /^Responsiveness, as the teams it serves rate it/ })
      .count();
    expect([own, partners]).toEqual([1, 1]);

    await fortress.getByText('Show the evidence').click();
    expect(await visibleText()).toContain('EWMA');
    expect(await visibleText()).toContain(alert.summary);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('6: a hidden point says its real reason in plain words (Product, hidden to protect a subtraction, not for too few answers)', async () => {
    const page = await signedIn(demoAccounts.leaders[1].email, DESKTOP);
    await page.goto(`${server.baseUrl}/insights/teams/${teamId.Product}`);
    const trends = await api<TrendsResponse>(page, `/api/v1/teams/${teamId.Product}/trends`);
    const protectedPoint = trends.series.find((p) => p.suppressed && p.reason?.includes('subtracting'));
    expect(protectedPoint).toBeDefined();
    const notes = page.getByRole('list', { name: 'Hidden cycles' });
    await expect.poll(() => notes.count()).toBe(1);
    const line = await notes.getByRole('listitem').filter({ hasText: protectedPoint!.label }).textContent();
    expect(line).toContain(`${protectedPoint!.label}: ${protectedPoint!.responded} of ${protectedPoint!.invited} answered`);
    expect(line).toMatch(/work out/);
    expect(await page.locator('main').textContent()).not.toContain('too few answers to show');
    await page.context().close();
  });

  it('7: on a phone the navigation is a menu button; at 1366 px the admin navigation fits on one line', async () => {
    const phone = await signedIn(demoAccounts.admin.email, PHONE);
    const header = phone.locator('header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
    const menu = phone.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.getByRole('link', { name: 'Audit log' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await phone.getByRole('link', { name: 'Audit log' }).click();
    await phone.waitForURL(/\/audit$/);
    // The menu closes once a page is chosen.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.context().close();

    const desktop = await signedIn(demoAccounts.admin.email, DESKTOP);
    const links = desktop.getByRole('navigation', { name: 'Main' }).getByRole('link');
    const tops = new Set(await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top))));
    expect(tops.size).toBe(1);
    expect(await desktop.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await desktop.context().close();
  });

  it('8: a leader of one team lands on that team’s overview, in the singular, without tree controls', async () => {
    const page = await signedIn(lena, DESKTOP);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your team');
    const main = page.locator('main');
    await expect.poll(() => main.getByRole('table').count()).toBeGreaterThan(0);
    expect(await main.textContent()).not.toMatch(/Organisation overview|The 1 teams|Expand all|Collapse all/);
    await page.context().close();
    // A leader of several teams still sees the plural.
    const pablo = await signedIn(demoAccounts.leaders[1].email, DESKTOP);
    await expect.poll(() => pablo.getByRole('heading', { level: 1 }).textContent()).toBe('Your teams');
    await expect.poll(() => pablo.getByText(/The 4 teams with the lowest response rate/).count()).toBeGreaterThan(0);
    await pablo.context().close();
  });

  it('9: the demo’s teams have a few comments, each in a cell that is shown', async () => {
    const page = await signedIn(demoAccounts.hr.email, DESKTOP);
    await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
    const comments = page.getByRole('region', { name: 'Comments' });
    await expect.poll(() => comments.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await comments.textContent()).not.toContain('Nobody left a comment');
    // Every team and cycle with a stored comment shows all of them: none sits in a hidden cell.
    const stored = await server.app.db
      .selectFrom('responses')
      .where('comment', 'is not', null)
      .select(['team_id', 'cycle_id', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy(['team_id', 'cycle_id'])
      .execute();
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const cell of stored) {
      const shown = await api<{ comments: string[] | null }>(page, `/api/v1/teams/${cell.team_id}/comments?cycleId=${cell.cycle_id}`);
      expect(shown.comments?.length).toBe(Number(cell.count));
    }
    await page.context().close();
  });

  it('10: dates follow the browser’s locale, one Intl format everywhere', async () => {
    const page = await signedIn(demoAccounts.admin.email, DESKTOP, 'de-DE');
    await page.goto(`${server.baseUrl}/audit`);
    const first = page.locator('main tbody tr').first();
    await expect.poll(() => first.count()).toBe(1);
    const { entries } = await api<{ entries: { at: string }[] }>(page, '/api/v1/audit');
    const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(entries[0]!.at));
    expect(await first.textContent()).toContain(german);
    await page.context().close();
  });

  it('a leader prints the team report: trends, alerts with actions and comments, without navigation or controls', async () => {
    const page = await signedIn(lena, DESKTOP);
    await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
    await expect.poll(() => page.locator('.chart-figure .recharts-surface').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByRole('article', { name: /Fortress pattern/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Print the team report' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header', '.range-form', '.print-button', '.alert-card button']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    for (const shown of ['.lead-alert', '.chart-figure', '.alert-card .remedy-links', '.comment-list']) {
      expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it('12: parent teams count the members beneath them, and the site has a favicon', async () => {
    const page = await signedIn(demoAccounts.hr.email, DESKTOP);
    await page.goto(`${server.baseUrl}/teams`);
    const product = page.locator('.team-row').filter({ has: page.locator('.team-name', { hasText: /^Product$/ }) });
    await expect.poll(() => product.count()).toBe(1);
    expect(await product.textContent()).toContain('30 members in its teams');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(`${server.baseUrl}${icon}`)).status()).toBe(200);
    await page.context().close();

    // An unknown pulse link: the heading takes focus (for screen readers) without a box drawn round it.
    const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
    await visitor.goto(`${server.baseUrl}/p/${'x'.repeat(43)}`);
    await expect.poll(() => visitor.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await visitor.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('none');
    await visitor.context().close();
  });

  it('12: the outbox shows its mails a page at a time and finds one by recipient or subject', async () => {
    const page = await signedIn(demoAccounts.admin.email, DESKTOP);
    await page.goto(`${server.baseUrl}/outbox`);
    const showing = page.getByRole('status').filter({ hasText: /^Showing/ });
    await expect.poll(() => showing.textContent()).toMatch(/^Showing 25 of \d{3}\.$/);
    const total = Number(/of (\d+)/.exec((await showing.textContent())!)![1]);
    expect(await page.locator('.message-list li').count()).toBe(25);
    await page.getByRole('button', { name: 'Show 25 more' }).click();
    await expect.poll(() => page.locator('.message-list li').count()).toBe(50);

    const leader = demoAccounts.leaders[0].email;
    await page.getByLabel('Find a message').fill(leader);
    await expect.poll(() => showing.textContent()).not.toBe(`Showing 25 of ${total}.`);
    const found = await page.locator('.message-list li').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((text) => text.includes(leader))).toBe(true);
    await page.context().close();
  });
});
