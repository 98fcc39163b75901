import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentQuestionnaire, enpsItem } from '@pulse/shared';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, signIn, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { fullAnswers, openWindow, readOutbox, seedTeams, type OutboxMail } from '../support/pulse.js';

const QUESTION = 'I know what our team is trying to achieve this quarter.';
const shots = process.env.SCREENSHOT_DIR;

/** Issue 19: HR adds a question on screen, a member answers it and eNPS, HR reads eNPS on the overview. */
describe('eNPS and HR’s own questions, in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let hr: TestUser;
  let questionId: string;
  let mails: OutboxMail[];
  /** Each member's team, by address. */
  let teamOf: Map<string, string>;

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    hr = await createUser(server.app, { role: 'hr', email: 'hanna@example.test', name: 'Hanna HR' });
    await seedTeams(server.app, { Legal: 5, Sales: 5 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: 'en-GB' })).newPage();
    await signIn(page, server.baseUrl, hr.email, hr.password);
    return page;
  }
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('HR adds a question for everyone from the Pulses page', async () => {
    const page = await signedIn(1366);
    await page.getByRole('link', { name: 'Pulses' }).click();
    await page.getByRole('link', { name: 'Questions in the pulse: eNPS and your own questions' }).click();
    await expect.poll(() => heading(page)).toBe('Questions');
    await expect.poll(() => page.getByText('No questions of your own yet.').count()).toBe(1);
    expect(await page.getByLabel('Ask eNPS in pulses created from now on').isChecked()).toBe(true);
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByRole('button', { name: 'Add the question' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('is asked in pulses created from now on');
    await expect.poll(() => page.getByRole('heading', { name: 'Your questions (1 of 5)' }).count()).toBe(1);
    expect(await page.locator('.question-list').textContent()).toContain(QUESTION);
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/questions-desktop.png`, fullPage: true });
    const stored = await server.app.db.selectFrom('questionnaire_items').select(['id', 'text', 'scale']).execute();
    expect(stored).toEqual([{ id: expect.any(String), text: QUESTION, scale: 'agreement' }]);
    questionId = stored[0]!.id;

    const phone = await signedIn(390);
    await phone.goto(`${server.baseUrl}/questions`);
    await expect.poll(() => phone.getByRole('heading', { name: 'Your questions (1 of 5)' }).count()).toBe(1);
    expect(await noSidewaysScroll(phone)).toBe(true);
    expect(await axeViolations(phone)).toEqual([]);
    if (shots) await phone.screenshot({ path: `${shots}/questions-phone.png`, fullPage: true });
  });

  it('a member answers eNPS and the question on a phone', async () => {
    const hrApi = await loginAs(server.app, 'hr');
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hrApi.headers,
      payload: { label: 'December 2026', ...openWindow() },
    });
    expect(created.statusCode).toBe(201);
    const members = await server.app.db
      .selectFrom('users')
      .innerJoin('teams', 'teams.id', 'users.team_id')
      .select(['users.email', 'teams.name'])
      .execute();
    teamOf = new Map(members.map((r) => [r.email, r.name]));
    // A Legal member first: they answer on the phone.
    mails = (await readOutbox(server.app))
      .filter((m) => m.token)
      .sort((a, b) => Number(teamOf.get(b.to) === 'Legal') - Number(teamOf.get(a.to) === 'Legal'));
    expect(mails).toHaveLength(10);
    expect(teamOf.get(mails[0]!.to)).toBe('Legal');

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${server.baseUrl}${new URL(mails[0]!.link!).pathname}`);
    await expect.poll(() => heading(phone)).toBe('Monthly pulse: December 2026');
    const more = phone.getByRole('region', { name: 'A few more questions' });
    expect(await more.getByRole('group', { name: enpsItem.text }).isVisible()).toBe(true);
    expect(await more.getByRole('group', { name: QUESTION }).isVisible()).toBe(true);
    expect(await phone.getByText(`0 of ${currentQuestionnaire.items.length + 2} answered`).isVisible()).toBe(true);
    for (const item of currentQuestionnaire.items) await phone.locator(`input[name="${item.id}"][value="4"]`).check();
    await more.getByRole('group', { name: enpsItem.text }).getByRole('radio', { name: '9', exact: true }).check();
    await more.getByRole('group', { name: QUESTION }).getByRole('radio', { name: 'Strongly agree' }).check();
    expect(await noSidewaysScroll(phone)).toBe(true);
    expect(await axeViolations(phone, ['minor', 'moderate', 'serious', 'critical'])).toEqual([]);
    if (shots) {
      await more.scrollIntoViewIfNeeded();
      await phone.screenshot({ path: `${shots}/pulse-enps-phone.png` });
    }
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await expect.poll(() => heading(phone)).toBe('Thank you, your answers are in');
    const stored = await server.app.db.selectFrom('responses').select('answers').execute();
    expect(stored).toEqual([{ answers: { ...fullAnswers(4), enps: 9, [questionId]: 5 } }]);
  });

  it('HR sees eNPS on the overview, hidden where the team is', async () => {
    const hrApi = await loginAs(server.app, 'hr');
    // Everyone else in Legal answers (eNPS 8, a passive); Sales answers with only 3 of 5 (hidden).
    let sales = 0;
    for (const mail of mails.slice(1)) {
      if (teamOf.get(mail.to) === 'Sales' && ++sales > 3) continue;
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${mail.token}`,
        payload: { answers: { ...fullAnswers(4), [questionId]: 4 } },
      });
      expect(res.statusCode).toBe(201);
    }
    const cycle = await server.app.db.selectFrom('cycles').select('id').executeTakeFirstOrThrow();
    expect((await server.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycle.id}/close`, headers: hrApi.headers })).statusCode).toBe(
      200,
    );

    const page = await signedIn(1366);
    await page.goto(`${server.baseUrl}/insights`);
    const table = page.locator('table.heatmap');
    await expect.poll(() => table.getByRole('columnheader', { name: /eNPS/ }).count()).toBe(1);
    // Legal: 1 promoter (the phone's 9) of 5, no detractor: eNPS +20.0.
    const legal = table.getByRole('row').filter({ hasText: 'Legal' });
    await expect.poll(() => legal.textContent()).toContain('+20.0');
    const salesRow = table.getByRole('row').filter({ hasText: 'Sales' });
    expect(await salesRow.textContent()).toContain('Hidden');
    expect(await salesRow.textContent()).not.toContain('+');
    expect(await axeViolations(page)).toEqual([]);
    expect(await noSidewaysScroll(page)).toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/overview-enps-desktop.png` });

    await legal.getByRole('link', { name: 'Legal' }).click();
    const panel = page.getByRole('region', { name: 'Recommending the team, and your own questions' });
    await expect.poll(() => panel.locator('figcaption', { hasText: 'eNPS: would recommend the team as a place to work' }).count()).toBe(1);
    expect(await panel.locator('figcaption', { hasText: QUESTION }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) {
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/team-enps-desktop.png` });
    }
  });
});
