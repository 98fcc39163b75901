import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentQuestionnaire, enpsItem } from '@pulse/shared';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { readOutbox, seedTeams, type OutboxMail, type SeededTeam } from '../support/pulse.js';

const allImpacts = ['minor', 'moderate', 'serious', 'critical'];
/** In page order: the thirteen statements, then eNPS (asked by default). */
const items = [...currentQuestionnaire.items, enpsItem];

describe('internal customers and partner ratings in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let hr: TestUser;
  const teams: Record<string, SeededTeam> = {};
  let mails: OutboxMail[] = [];
  let cycleId = '';

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    hr = await createUser(server.app, { role: 'hr', email: 'hanna@example.test', name: 'Hanna HR' });
    for (const team of await seedTeams(server.app, { Legal: 2, Sales: 3, Support: 2 })) teams[team.name] = team;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(width = 1280): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').fill(hr.email);
    await page.getByLabel('Password').fill(hr.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/insights$/);
    return page;
  }
  const csvFile = (text: string) => ({ name: 'map.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const linkOf = (team: string) => {
    const mail = mails.find((m) => teams[team]!.members.some((x) => x.email === m.to))!;
    mails = mails.filter((m) => m !== mail);
    return `${server.baseUrl}${new URL(mail.link!).pathname}`;
  };
  const focusedName = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.type === 'checkbox' ? 'checkbox' : el?.name || el?.id;
    });

  it('HR builds the customer map from a CSV, checked before it is imported, and records Legal’s values', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Internal customers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Internal customers');
    expect(await axeViolations(page)).toEqual([]);

    // A bad file: every problem by line, nothing imported.
    await page
      .getByLabel('CSV file')
      .setInputFiles(csvFile('provider,customer,relationship\nLegal,Nowhere,drive_thru\nLegal,Sales,often\n'));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('2 lines have problems; nothing was imported.');
    expect(await alert.textContent()).toContain('line 2');
    expect(await alert.textContent()).toContain('line 3');

    await page
      .getByLabel('CSV file')
      .setInputFiles(csvFile('provider,customer,relationship\r\nLegal,Sales,drive_thru\r\nLegal,Support,strategic\r\n'));
    await expect.poll(() => page.getByText('map.csv is ready to import: 2 new, 0 changed, 0 unchanged.').isVisible()).toBe(true);
    const preview = page.getByRole('region', { name: 'Preview of the file' });
    expect(await preview.getByRole('row').nth(2).textContent()).toContain('Support');
    expect(await server.app.db.selectFrom('team_customers').selectAll().execute()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import now' }).click();
    await expect.poll(() => page.getByText('Imported map.csv: 2 new, 0 changed, 0 unchanged.').isVisible()).toBe(true);
    const map = page.getByRole('region', { name: 'Who serves whom', exact: true });
    await expect.poll(() => map.textContent()).toContain('Sales (drive-thru)');
    expect(await map.textContent()).toContain('Support (strategic partner)');

    // Legal's values, "X even at the cost of Y".
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Legal' });
    await page.getByLabel('Value 1: what the team values').fill('Responsive');
    await page.getByLabel('Value 1: even at the cost of').fill('perfect');
    await page.getByRole('button', { name: 'Save values' }).click();
    await expect.poll(() => page.getByText('Values of Legal saved.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove Support' }).isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.context().close();
  });

  it('shows a Sales member the partner section naming Legal, answered with the keyboard alone', async () => {
    const now = Date.now();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: (await loginAs(server.app, hr)).headers,
      payload: {
        label: 'December 2026',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    cycleId = res.json().cycle.id;
    mails = await readOutbox(server.app);

    const page = await browser.newPage();
    await page.goto(linkOf('Sales'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Monthly pulse: December 2026');
    const section = page.getByRole('region', { name: 'Teams you relied on this month' });
    expect(await section.isVisible()).toBe(true);
    expect(await section.getByRole('group', { name: 'Legal' }).isVisible()).toBe(true);
    expect(await axeViolations(page, allImpacts)).toEqual([]);

    // First the language buttons, one tab stop each, then the statements.
    for (const language of ['English', 'Deutsch', 'Français']) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(language);
    }
    for (const item of items) {
      await page.keyboard.press('Tab');
      expect(await focusedName(page)).toBe(item.id);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    }
    // The partner: "we did not ask them" first, then its two scales, one tab stop each.
    const legal = teams.Legal!.id;
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('checkbox');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(`partner-${legal}-par_yes`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(`partner-${legal}-par_direct`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('pulse-comment');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your answers are in');

    const ratings = await server.app.db.selectFrom('partner_ratings').select(['provider_team_id', 'rater_team_id', 'answers']).execute();
    expect(ratings).toEqual([{ provider_team_id: legal, rater_team_id: teams.Sales!.id, answers: { par_yes: 2, par_direct: 3 } }]);
    await page.close();
  });

  it('asks for both statements about a partner or a tick in “We did not ask them this month”, on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(linkOf('Sales'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Monthly pulse: December 2026');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const item of items) await page.locator(`input[name="${item.id}"][value="4"]`).check();
    const legal = teams.Legal!.id;
    await page.locator(`input[name="partner-${legal}-par_yes"][value="5"]`).check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Answer both statements about Legal, or tick “We did not ask them this month”.');
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.getByLabel('We did not ask them this month').check();
    expect(await page.locator(`input[name="partner-${legal}-par_yes"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your answers are in');
    expect(await server.app.db.selectFrom('partner_ratings').select('id').execute()).toHaveLength(1);
    await page.close();
  });

  it('shows a Legal member the team’s values above their statement, and no partner section', async () => {
    const page = await browser.newPage();
    await page.goto(linkOf('Legal'));
    const values = page.getByRole('region', { name: 'Your team’s values' });
    await expect.poll(() => values.textContent()).toContain('Responsive even at the cost of perfect');
    expect(await values.getByRole('group', { name: 'This month, the choices our team made matched these values.' }).isVisible()).toBe(true);
    expect(await page.getByText(`0 of ${items.length + 1} answered`).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Teams you relied on this month' }).count()).toBe(0);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.close();
  });

  it('keeps the matrix cell of a single rating blank for HR after the close', async () => {
    const close = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/close`,
      headers: (await loginAs(server.app, hr)).headers,
    });
    expect(close.statusCode).toBe(200);
    const page = await signedIn();
    await page.goto(`${server.baseUrl}/customers`);
    const matrix = page.getByRole('region', { name: 'Partner ratings: providers × customer teams' });
    const legalRow = matrix.getByRole('row').filter({ hasText: 'Legal' });
    await expect.poll(() => legalRow.textContent()).toContain('not shown');
    expect(await legalRow.textContent()).not.toMatch(/\d/);
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.context().close();
  });

  it('has a short guide to the four remedies that alert actions link to, section by section', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'Remedies', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Four remedies for a fortress of no');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      '1. Know your internal customers',
      '2. Sort them by need',
      '3. Simplify and automate routine requests',
      '4. Agree shared values',
    ]);
    await page.goto(`${server.baseUrl}/guide/remedies#simplify-and-automate`);
    await expect.poll(() => page.locator('#simplify-and-automate').textContent()).toContain('Publish a request menu');
    expect(await axeViolations(page, allImpacts)).toEqual([]);
    await page.context().close();
  });
});
