import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentQuestionnaire, enpsItem } from '@pulse/shared';
import { createUser, loginAs, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, signIn, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { fullAnswers, openWindow, readOutbox, seedTeams, type OutboxMail } from '../support/pulse.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
const allImpacts = ['minor', 'moderate', 'serious', 'critical'];

describe('an anonymous conversation on a comment, the member on a phone (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let mails: OutboxMail[];
  let leader: TestUser;
  let teamId: string;
  let cycleId: string;
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
    const cycle = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'October 2026', ...openWindow() },
    });
    cycleId = cycle.json().cycle.id;
    mails = await readOutbox(server.app);
    // Five of six answer without a comment; the first member answers on their phone below.
    for (const mail of mails.slice(1)) {
      expect(
        (await server.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers: fullAnswers(3) } })).statusCode,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  it(
    'a member comments and keeps the link, the leader replies on the team view, the member reads it and answers back',
    { timeout: 180_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await context.newPage();
      phone.on('pageerror', (error) => problems.push(error.message));
      await phone.goto(`${server.baseUrl}${new URL(mails[0]!.link!).pathname}`);
      await expect.poll(() => heading(phone), { timeout: 30_000 }).toBe('Monthly pulse: October 2026');
      for (const item of [...currentQuestionnaire.items, enpsItem]) await phone.locator(`input[name="${item.id}"][value="4"]`).check();
      await phone.locator('#pulse-comment').fill('Our stand-up runs far too long.');
      await phone.getByRole('button', { name: 'Send my answers' }).click();
      await expect.poll(() => heading(phone), { timeout: 30_000 }).toBe('Thank you, your answers are in');
      const linkBox = phone.getByRole('region', { name: 'Your private conversation link' });
      const link = (await linkBox.getByRole('link').textContent())!;
      expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/);
      expect(await linkBox.textContent()).toContain('Keep this link');
      // The link is in the first screen, the browser kept it, and nothing scrolls sideways.
      const box = await linkBox.getByRole('link').boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      expect(await phone.evaluate(() => localStorage.getItem('pulse.conversations'))).toContain(link.split('/c/')[1]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(phone, allImpacts)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}conversation-link-390.png` });

      // The cycle closes; the leader replies under the comment on the team view.
      const hr = await loginAs(server.app, 'hr');
      expect((await server.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(
        200,
      );
      const desk = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      desk.on('pageerror', (error) => problems.push(error.message));
      await signIn(desk, server.baseUrl, leader.email, leader.password);
      await desk.goto(`${server.baseUrl}/insights/teams/${teamId}`);
      const comments = desk.getByRole('region', { name: 'Comments' });
      await expect.poll(() => comments.textContent(), { timeout: 30_000 }).toContain('Our stand-up runs far too long.');
      await comments.getByText('Reply to this comment').click();
      await comments.getByLabel('Your reply').fill('Thanks. Shall we cap it at 15 minutes?');
      await comments.getByRole('button', { name: 'Reply' }).click();
      await expect.poll(() => comments.textContent(), { timeout: 30_000 }).toContain('A team leader');
      expect(await comments.textContent()).toContain('Thanks. Shall we cap it at 15 minutes?');
      expect(await axeViolations(desk)).toEqual([]);

      // The member reads the reply through their link, on the phone, and answers back.
      await phone.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
      await expect.poll(() => heading(phone), { timeout: 30_000 }).toBe('Your comment and its replies');
      expect(await phone.getByText('Our stand-up runs far too long.').isVisible()).toBe(true);
      expect(await phone.getByText('Thanks. Shall we cap it at 15 minutes?').isVisible()).toBe(true);
      expect(await phone.locator('main').textContent()).not.toContain('Lee Leader');
      await phone.getByLabel('Your answer').fill('Yes please, and no status reading.');
      await phone.getByRole('button', { name: 'Send anonymously' }).click();
      await expect.poll(() => phone.locator('.conversation-messages li').count(), { timeout: 30_000 }).toBe(2);
      expect(await phone.locator('.conversation-messages').textContent()).toContain('Yes please, and no status reading.');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(phone, allImpacts)).toEqual([]);
      await phone.screenshot({ path: `${ARTIFACTS}conversation-390.png`, fullPage: true });

      // The leader sees the answer under the comment.
      await desk.reload();
      await expect
        .poll(() => desk.getByRole('region', { name: 'Comments' }).textContent(), { timeout: 30_000 })
        .toContain('Yes please, and no status reading.');
      expect(problems).toEqual([]);
    },
  );
});
