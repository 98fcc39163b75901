// `npm run screenshots`: the README's screenshots, made from the demo organisation. Seeds the demo
// into a throwaway embedded database, serves the built client on a free port and photographs, in
// headless Chromium, a leader's team view and HR's overview at 1366×900 and 390×844, and the pulse
// page on a phone. Writes docs/screenshots/*.png (OUT_DIR to write elsewhere, FULL_PAGE=1 for
// whole pages). CHROMIUM_PATH names the browser (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { demoAccounts } from '@pulse/server/demo/demo-organisation';
import { seedDemo } from '@pulse/server/demo/seed-demo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.env.OUT_DIR ?? path.join(root, 'docs/screenshots'));
const fullPage = process.env.FULL_PAGE === '1';
const sizes = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

execFileSync('node', ['scripts/ensure-client-build.mjs'], { cwd: root, stdio: 'inherit' });
const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-screenshots-'));
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PORT: '0' });
const app = await buildApp(config);
let browser: Browser | undefined;
try {
  await seedDemo({ db: app.db, mailer: app.mailer, publicUrl: config.publicUrl, log: app.log, settings: config });
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  mkdirSync(outDir, { recursive: true });
  const legal = await app.db.selectFrom('teams').where('name', '=', 'Legal').select('id').executeTakeFirstOrThrow();

  for (const [size, viewport] of Object.entries(sizes)) {
    const leader = await signedIn(browser, base, viewport, demoAccounts.leaders[0].email);
    await leader.goto(`${base}/insights/teams/${legal.id}`);
    await leader.getByRole('heading', { name: 'Legal', level: 1 }).waitFor();
    await leader.locator('.recharts-surface').first().waitFor();
    await shoot(leader, `team-view-${size}`);
    const hr = await signedIn(browser, base, viewport, demoAccounts.hr.email);
    await hr.getByRole('table').first().waitFor();
    await shoot(hr, `overview-${size}`);
  }
  const pulse = await (await browser.newContext({ viewport: sizes.phone })).newPage();
  await pulse.goto(`${base}${new URL(pulseLink(app.mailer.outboxDir)).pathname}`);
  await pulse.getByRole('heading', { level: 1 }).waitFor();
  await pulse.locator('input[type=radio]').first().check({ force: true });
  await shoot(pulse, 'pulse-phone');
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser?.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function signedIn(b: Browser, base: string, viewport: { width: number; height: number }, email: string): Promise<Page> {
  const page = await (await b.newContext({ viewport })).newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demoAccounts.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/insights/);
  return page;
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });
}

/** The first pulse link in the demo's outbox. */
function pulseLink(dir: string): string {
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    const link = /https?:\/\/\S+?\/p\/[A-Za-z0-9_-]{43}/.exec(readFileSync(path.join(dir, name), 'utf8').replace(/=\r?\n/g, ''));
    if (link) return link[0];
  }
  throw new Error(`No pulse link in ${dir}`);
}
