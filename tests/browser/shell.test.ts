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

  it('sends the client’s files as compressed at build: brotli when accepted, else gzip, cached for good', async () => {
    const html = await (await fetch(`${server.baseUrl}/`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const sent = async (encoding: string) => {
      const response = await fetch(`${server.baseUrl}${script}`, { headers: { 'accept-encoding': encoding } });
      return {
        encoding: response.headers.get('content-encoding'),
        cache: response.headers.get('cache-control'),
        body: await response.text(),
      };
    };
    const [br, gzip, plain] = await Promise.all([sent('br, gzip'), sent('gzip'), sent('identity')]);
    expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', null]);
    expect(br.cache).toBe('public, max-age=31536000, immutable');
    // The same script whichever way it travelled.
    expect(br.body).toBe(plain.body);
    expect(gzip.body).toBe(plain.body);
  });
});
