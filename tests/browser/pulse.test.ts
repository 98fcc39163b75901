import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentQuestionnaire, enpsItem, languages } from '@pulse/shared';
import { loginAs } from '../support/auth.js';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { readOutbox, seedTeams, type OutboxMail } from '../support/pulse.js';

const allImpacts = ['minor', 'moderate', 'serious', 'critical'];
/** In page order: the thirteen statements, then eNPS (asked by default). */
const items = [...currentQuestionnaire.items, enpsItem];

describe('the pulse page in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let mails: OutboxMail[];
  let cycleId: string;

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    await seedTeams(server.app, { Platform: 3 });
    const hr = await loginAs(server.app, 'hr');
    const now = Date.now();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: {
        label: 'December 2026',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    cycleId = res.json().cycle.id;
    mails = await readOutbox(server.app);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Pages run under the site's real Content-Security-Policy. */
  const newPage = (options: Parameters<Browser['newPage']>[0] = {}) => browser.newPage(options);
  /** The link from a mail in the outbox, on the test server's address. */
  const linkOf = (mail: OutboxMail) => `${server.baseUrl}${new URL(mail.link!).pathname}`;
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const focusedName = (page: Page) =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name || document.activeElement?.id);

  it('is answered with the keyboard alone, ends on the thank-you page, and a used link says so', async () => {
    expect(mails).toHaveLength(3);
    const page = await newPage();
    await page.goto(linkOf(mails[0]!));
    await expect.poll(() => heading(page)).toBe('Monthly pulse: December 2026');
    expect(await page.getByText('For team Platform').isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);

    // The language switch comes first (a button per language), then each scale is one tab stop;
    // the arrow keys choose. Leave the last one (eNPS, 0–10) out for now.
    for (const _language of languages) await page.keyboard.press('Tab');
    for (const item of items.slice(0, -1)) {
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe(item.id);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    }
    expect(await page.getByText(`${items.length - 1} of ${items.length} answered`).isVisible()).toBe(true);
    const last = items.at(-1)!;
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(last.id);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('pulse-comment');
    await page.keyboard.type('Fewer ad-hoc requests, please.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // A plain message names the statement that still needs an answer.
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('1 statement still needs an answer');
    expect(await alert.textContent()).toContain(last.text);
    expect(await page.getByText('Choose an answer for this statement.').isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    // Its link leads back to the statement; one arrow press answers it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(last.id);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => heading(page)).toBe('Thank you, your answers are in');
    // The comment opened a private conversation: its link is shown this once.
    expect(await page.getByRole('region', { name: 'Your private conversation link' }).getByRole('link').textContent()).toMatch(
      /\/c\/[A-Za-z0-9_-]{43}$/,
    );
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    const stored = await server.app.db.selectFrom('responses').select(['answers', 'comment']).where('cycle_id', '=', cycleId).execute();
    expect(stored).toEqual([
      {
        answers: Object.fromEntries(items.map((item) => [item.id, item === last ? 1 : 4])),
        comment: 'Fewer ad-hoc requests, please.',
      },
    ]);

    await page.goto(linkOf(mails[0]!));
    await expect.poll(() => heading(page)).toBe('You have already answered this pulse');
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(linkOf(mails[1]!));
    await expect.poll(() => heading(page)).toBe('Monthly pulse: December 2026');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('radio', { name: 'Strongly agree' }).first().tap();
    expect(await page.getByText(`1 of ${items.length} answered`).isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.close();
  });

  it("gives an unknown link a page of its own, and a closed pulse's link shows the team's results", async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/p/${'A'.repeat(43)}`);
    await expect.poll(() => heading(page)).toBe('This link does not work');
    expect(await axeViolations(page, allImpacts)).toEqual([]);

    const hr = await loginAs(server.app, 'hr');
    await server.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers });
    await page.goto(linkOf(mails[2]!));
    await expect.poll(() => heading(page)).toBe('Your team’s results: December 2026');
    // Too few answered in Platform: the page says why there are no figures.
    expect(await page.getByText(/fewer than 5/i).isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.close();
  });
});
