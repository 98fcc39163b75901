import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';

describe('client shell in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the client at / and falls back to it for client-side routes', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pulse');
    await page.goto(`${server.baseUrl}/some/client/route`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
