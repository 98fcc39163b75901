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

/** The real app on a fresh database, listening on a free loopback port (or env.PORT). */
export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const port = Number(env.PORT ?? 0);
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

/** The real app serving the demo organisation, and each team's id by name. */
export async function startDemoBrowserServer(): Promise<{ server: BrowserServer; teamId: Record<string, string> }> {
  const { seedDemo } = await import('@pulse/server/demo/seed-demo');
  const server = await startBrowserServer();
  const { app } = server;
  await seedDemo({ db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log, settings: server.config });
  const teamId: Record<string, string> = {};
  for (const team of await app.db.selectFrom('teams').select(['id', 'name']).execute()) teamId[team.name] = team.id;
  return { server, teamId };
}

/** Signs in through the login page and waits until it has moved on to the user's start page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  // The sign-in page speaks the browser's language (a test may run a German or French browser).
  await page.getByLabel(/^(Email|E-Mail|E-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Passwort|Mot de passe)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Anmelden|Se connecter)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** On a narrow screen the navigation is behind "Menu": opens it when it is there and closed. */
export async function openMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
}
