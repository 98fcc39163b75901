import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, signIn, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { fullAnswers, openWindow, readOutbox, seedTeams, type OutboxMail } from '../support/pulse.js';

/** Screenshots for people to look at; the folder is gitignored and kept by CI as an artifact. */
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

describe("a member's results on their phone (Chromium)", () => {
  let server: BrowserServer;
  let browser: Browser;
  let mails: OutboxMail[];
  let leader: TestUser;
  let teamId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startBrowserServer();
    browser = await launchBrowser();
    const [platform] = await seedTeams(server.app, { Platform: 6 });
    teamId = platform!.id;
    leader = await createUser(server.app, { role: 'leader', name: 'Lee Leader' });
    await server.app.db.insertInto('team_leaders').values({ team_id: teamId, user_id: leader.id }).execute();
    const hr = await loginAs(server.app, 'hr');
    const action = await server.app.inject({
      method: 'POST',
      url: `/api/v1/teams/${platform!.id}/actions`,
      headers: hr.headers,
      payload: { title: 'Focus time every Tuesday', dueAt: '2027-02-28' },
    });
    expect(action.statusCode).toBe(201);
    const cycle = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'October 2026', ...openWindow() },
    });
    mails = await readOutbox(server.app);
    // Five of six answer; the last link never does.
    for (const [i, mail] of mails.slice(0, 5).entries()) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${mail.token}`,
        payload: { answers: fullAnswers(2 + (i % 3)) },
      });
      expect(res.statusCode).toBe(201);
    }
    const closed = await server.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycle.json().cycle.id}/close`, headers: hr.headers });
    expect(closed.statusCode).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phone(mail: OutboxMail): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.baseUrl}${new URL(mail.link!).pathname}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe('Your team’s results: October 2026');
    return page;
  }

  it(
    'shows the team its results, participation and actions in the first screen, the same page for a link that answered and one that did not',
    { timeout: 120_000 },
    async () => {
      const answered = await phone(mails[0]!);
      const unanswered = await phone(mails[5]!);
      const main = (page: Page) => page.locator('main').innerText();
      expect(await main(answered)).toBe(await main(unanswered));

      expect(await answered.getByText('5 of 6 people in your team answered.').isVisible()).toBe(true);
      const scores = answered.locator('.results-score');
      expect(await scores.count()).toBe(4);
      expect(await scores.first().textContent()).toMatch(/Autonomy\d+ \(likely \d+ to \d+\)/);
      // The first score is on the first screen of a phone.
      const box = await scores.first().boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      expect(await answered.getByText('Focus time every Tuesday').isVisible()).toBe(true);
      expect(await answered.getByText(/Planned · due/).isVisible()).toBe(true);

      expect(await axeViolations(answered, ['minor', 'moderate', 'serious', 'critical'])).toEqual([]);
      expect(await answered.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await answered.screenshot({ path: `${ARTIFACTS}member-results-390.png`, fullPage: true });
      expect(problems).toEqual([]);
    },
  );

  it("lets the leader write the team a note in the team view, which then shows on the member's phone", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const desk = await context.newPage();
    desk.on('pageerror', (error) => problems.push(error.message));
    await signIn(desk, server.baseUrl, leader.email, leader.password);
    await desk.goto(`${server.baseUrl}/insights/teams/${teamId}`);
    const form = desk.getByRole('form', { name: 'Note to the team' });
    await form.getByLabel('Note').fill('We heard you: Tuesdays stay free for focus work.', { timeout: 30_000 });
    await form.getByRole('button', { name: 'Send the note to the team' }).click();
    await expect
      .poll(() => desk.getByRole('status').allTextContents(), { timeout: 30_000 })
      .toContain('Sent: the team has it by mail and on their results page.');
    expect(await axeViolations(desk)).toEqual([]);

    const page = await phone(mails[5]!);
    const note = page.getByRole('region', { name: 'A note from your leader' });
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toContain('We heard you: Tuesdays stay free for focus work.');
    expect(await note.textContent()).not.toContain('Lee Leader');
    expect(await axeViolations(page, ['minor', 'moderate', 'serious', 'critical'])).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}member-results-note-390.png` });
    expect(problems).toEqual([]);
  });
});
