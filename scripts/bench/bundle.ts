// `npm run bench:bundle`: what a browser actually loads, gzipped, for the pulse page and the
// first dashboard page, against the budgets in the README. Builds the client when stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';

const budgets = { pulse: 90 * 1024, dashboard: 250 * 1024 };
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

execFileSync('node', ['scripts/ensure-client-build.mjs'], { stdio: 'inherit' });
const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-bundle-'));
const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' }));
const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags });

/** Loads `url` in a fresh page and returns each JS/CSS file with its gzipped size. */
async function measure(url: string) {
  const page = await browser.newPage();
  const files: { name: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      response.body().then((body) => {
        files.push({ name: new URL(response.url()).pathname, gzip: gzipSync(body, { level: 9 }).length });
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await page.close();
  return files.sort((a, b) => b.gzip - a.gzip);
}

const pages = { pulse: `${base}/p/${'x'.repeat(43)}`, dashboard: `${base}/` } as const;
let failed = false;
for (const [name, url] of Object.entries(pages) as [keyof typeof pages, string][]) {
  const files = await measure(url);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const ok = total <= budgets[name];
  failed ||= !ok;
  console.log(`\n${name} page (${new URL(url).pathname}): ${(total / 1024).toFixed(1)} KB gzipped of ${budgets[name] / 1024} KB ${ok ? 'OK' : 'OVER BUDGET'}`);
  for (const f of files) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.name}`);
  if (name === 'pulse') {
    const leaked = files.filter((f) => /Dashboard|chart|recharts/i.test(f.name));
    if (leaked.length) {
      failed = true;
      console.log(`  dashboard code reached the pulse page: ${leaked.map((f) => f.name).join(', ')}`);
    }
  }
}

await browser.close();
await app.close();
rmSync(dataDir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
