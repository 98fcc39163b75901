// temp: node scripts/look.tmp.ts email path width height out [scrollY] [fullheight]
import { chromium } from 'playwright-core';
const [email, p, w, h, out, scrollY, full] = process.argv.slice(2);
const base = 'http://127.0.0.1:3917';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await b.newContext({ viewport: { width: Number(w), height: Number(h) } })).newPage();
if (email !== '-') {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email!);
  await page.getByLabel('Password').fill('pulse-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/insights/);
}
await page.goto(base + p);
await page.waitForTimeout(4000);
const info = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth, sh: document.documentElement.scrollHeight }));
console.log(JSON.stringify(info));
if (scrollY) await page.evaluate((y) => window.scrollTo(0, y), Number(scrollY));
await page.screenshot({ path: out!, clip: full ? { x: 0, y: Number(scrollY ?? 0), width: Number(w), height: Number(full) } : undefined, fullPage: Boolean(full) });
await b.close();
