import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, openMenu, signIn, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { FakeChat } from '../support/fake-chat.js';

describe('the Slack and Teams screen in Chromium', () => {
  const chat = new FakeChat();
  let server: BrowserServer;
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    await chat.start();
    server = await startBrowserServer({ PULSE_SECRET_KEY: randomBytes(32).toString('hex'), SLACK_API_URL: `${chat.url}/api/` });
    browser = await launchBrowser();
    admin = await createUser(server.app, { role: 'admin', email: 'ada@example.test', name: 'Ada Admin' });
    chat.users.set(admin.email, 'UADA');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await chat.stop();
  });

  for (const width of [390, 1366]) {
    it(`lets the admin connect, test and disconnect Slack at ${width} px`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
      await signIn(page, server.baseUrl, admin.email, admin.password);
      // Slack and Teams are set up from Settings (the admin navigation stays on one line).
      await openMenu(page);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('link', { name: /Slack/ }).click();
      await expect.poll(() => page.getByText('Not connected: everything goes by mail.').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.getByRole('heading', { name: 'Slack', exact: true }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.getByLabel('Bot token').fill('xoxb-fake-wrong-0123456789');
      await page.getByRole('button', { name: 'Connect Slack' }).click();
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/refused the token/);

      await page.getByLabel('Bot token').fill(chat.validToken);
      await page.getByRole('button', { name: 'Connect Slack' }).click();
      await expect.poll(() => page.getByText(/Connected to Acme Workspace since/).count(), { timeout: 30_000 }).toBe(1);
      // The token is never shown again, not even in the page's source.
      expect(await page.content()).not.toContain(chat.validToken);

      await page.getByRole('button', { name: 'Send me a test message' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Test message sent' }).count(), { timeout: 30_000 }).toBe(1);
      expect(chat.posts().at(-1)?.user).toBe('UADA');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.getByRole('button', { name: 'Disconnect Slack' }).click();
      await expect.poll(() => page.getByText('Not connected: everything goes by mail.').count(), { timeout: 30_000 }).toBe(1);
      await page.context().close();
    });
  }
});
