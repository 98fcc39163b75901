import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { App } from '@pulse/server';
import { createTestApp, type TestApp } from './test-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when a Chromium binary exists; browser suites skip loudly without it (fail under CI). */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Headless Chromium with the flags this closed-network machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface BrowserServer extends TestApp {
  /** http://127.0.0.1:PORT of the listening app, serving API and built client. */
  baseUrl: string;
}

/** The real app on a fresh database, listening on a free loopback port. */
export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const port = 0;
  const t = await createTestApp({ HOST: '127.0.0.1', PORT: String(port), ...env });
  const address = await (t.app as App).listen({ host: '127.0.0.1', port });
  const baseUrl = address.replace('localhost', '127.0.0.1');
  return { ...t, baseUrl, app: t.app };
}

/** Runs axe-core in the page and returns the violations at the given impacts. */
export async function axeViolations(page: Page, impacts: string[] = ['serious', 'critical']) {
  const axeSource = (await import('axe-core')).default.source;
  // Evaluated, not injected as a <script>: the app's Content Security Policy forbids inline scripts.
  const result = (await page.evaluate(`${axeSource}; window.axe.run()`)) as {
    violations: { id: string; impact: string; help: string; nodes: unknown[] }[];
  };
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}
