// `npm run bench:bundle`: what a browser actually loads, gzipped at level 9 as the build writes
// it beside each file (browsers that accept brotli get the smaller brotli copy), for the pulse
// page, the dashboard's first page (sign-in) and the first page with charts after signing in (a
// team's view on the demo organisation), against the budgets in the README. Builds the client when
// stale. Chart code (Recharts) must reach neither the pulse page nor the sign-in page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { seedDemo } from '@pulse/server/demo/seed-demo';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';

const budgets = { pulse: 90 * 1024, dashboard: 250 * 1024, charts: 250 * 1024 };
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

execFileSync('node', ['scripts/ensure-client-build.mjs'], { stdio: 'inherit' });
const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-bundle-'));
const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' }));
const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags });

// The demo organisation and a signed-in HR session, so the team view draws its charts.
await seedDemo({ db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log, settings: app.config });
const legal = await app.db.selectFrom('teams').select('id').where('name', '=', 'Legal').executeTakeFirstOrThrow();
const hr = await app.db.selectFrom('users').select('id').where('role', '=', 'hr').executeTakeFirstOrThrow();
const token = newToken();
await app.db
  .insertInto('sessions')
  .values({ id_hash: hashToken(token), user_id: hr.id })
  .execute();

/** Loads `url` in a fresh page and returns each JS/CSS file with its gzipped size. */
async function measure(url: string, signedIn: boolean) {
  const context = await browser.newContext();
  if (signedIn) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base }]);
  const page = await context.newPage();
  const files: { name: string; gzip: number; charts: boolean }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      response.body().then((body) => {
        files.push({
          name: new URL(response.url()).pathname,
          gzip: gzipSync(body, { level: 9 }).length,
          charts: body.includes('recharts-'),
        });
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (signedIn) await page.locator('.recharts-surface').first().waitFor();
  // A response can still arrive while earlier bodies are read: wait until none is pending.
  for (let seen = 0; seen < pending.length;) {
    seen = pending.length;
    await Promise.all(pending);
  }
  page.removeAllListeners('response');
  await context.close();
  return files.sort((a, b) => b.gzip - a.gzip);
}

const pages = {
  pulse: `${base}/p/${'x'.repeat(43)}`,
  dashboard: `${base}/login`,
  charts: `${base}/insights/teams/${legal.id}`,
} as const;
let failed = false;
for (const [name, url] of Object.entries(pages) as [keyof typeof pages, string][]) {
  const files = await measure(url, name === 'charts');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const ok = total <= budgets[name];
  failed ||= !ok;
  console.log(
    `\n${name} page (${new URL(url).pathname}): ${(total / 1024).toFixed(1)} KB gzipped of ${budgets[name] / 1024} KB ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
  for (const f of files) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.name}`);
  if (name !== 'charts') {
    const leaked = files.filter((f) => f.charts || (name === 'pulse' && /Dashboard|chart|recharts/i.test(f.name)));
    if (leaked.length) {
      failed = true;
      console.log(`  ${name === 'pulse' ? 'dashboard' : 'chart'} code reached the ${name} page: ${leaked.map((f) => f.name).join(', ')}`);
    }
  }
}

await browser.close();
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
