import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDueParticipation } from '@pulse/server/features/cycles/participation.service';
import { createUser, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, signIn, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { fullAnswers, readOutbox, seedTeams } from '../support/pulse.js';

/** Issue 17, "HR runs pulses on screen": open, watch the count, close, and set the monthly schedule. */
describe('HR runs the pulses on screen, in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let hr: TestUser;

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    hr = await createUser(server.app, { role: 'hr', email: 'hanna@example.test', name: 'Hanna HR' });
    await seedTeams(server.app, { Legal: 6, Sales: 5 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' })).newPage();
    await signIn(page, server.baseUrl, hr.email, hr.password);
    return page;
  }

  it('HR opens a pulse, watches the answers come in (counts only), closes it early and sets the monthly schedule', async () => {
    const page = await signedIn(1366);
    await page.getByRole('link', { name: 'Pulses' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pulses');
    await expect.poll(() => page.getByText('No pulse yet.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const openForm = page.getByRole('form', { name: 'Open a pulse now' });
    await openForm.getByLabel('Name').fill('Pilot pulse');
    await openForm.getByRole('button', { name: 'Open a pulse now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Pilot pulse is open' }).count()).toBe(1);
    const row = page.getByRole('region', { name: 'Cycles and their participation' }).getByRole('row').filter({ hasText: 'Pilot pulse' });
    await expect.poll(() => row.textContent()).toContain('0 of 11 (0%)');
    expect(await row.textContent()).toContain('Open');
    // Only one pulse at a time: no second one offered while this one is open.
    expect(await openForm.count()).toBe(0);

    // Two people answer. The count does not move the moment they do (nobody can time who
    // answered); the next daily count shows them.
    const mails = (await readOutbox(server.app)).filter((m) => m.token);
    expect(mails).toHaveLength(11);
    for (const mail of mails.slice(0, 2)) {
      const res = await server.app.inject({ method: 'POST', url: `/api/v1/pulse/${mail.token}`, payload: { answers: fullAnswers() } });
      expect(res.statusCode).toBeLessThan(300);
    }
    await page.reload();
    await expect.poll(() => row.textContent()).toContain('0 of 11 (0%)');
    expect(await countDueParticipation(server.app.db, new Date(Date.now() + 86_400_000))).toBe(1);
    await page.reload();
    await expect.poll(() => row.textContent()).toContain('2 of 11 (18%)');
    const byTeam = page.getByRole('region', { name: 'Participation by team' });
    await expect.poll(() => byTeam.getByRole('row').count()).toBe(3);
    const teamCounts = await byTeam.getByRole('row').allTextContents();
    expect(teamCounts.slice(1)).toEqual([expect.stringMatching(/^Legal\d of 6 /), expect.stringMatching(/^Sales\d of 5 /)]);
    expect(teamCounts.slice(1).reduce((sum, r) => sum + Number(/(\d) of/.exec(r)![1]), 0)).toBe(2);
    // Counts, never who: no member's name or address is on the page.
    expect(await page.locator('main').textContent()).not.toMatch(/@example\.test|Member \d/);

    // HR gives the pulse three more days, at the same time of day.
    const before = (await server.app.db.selectFrom('cycles').select('closes_at').executeTakeFirstOrThrow()).closes_at;
    const extendForm = page.getByRole('form', { name: 'Extend Pilot pulse' });
    await extendForm.getByRole('button', { name: 'Extend' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Pilot pulse now stays open longer' }).count()).toBe(1);
    const after = (await server.app.db.selectFrom('cycles').select('closes_at').executeTakeFirstOrThrow()).closes_at;
    expect(Math.round((after.getTime() - before.getTime()) / 3_600_000)).toBeGreaterThanOrEqual(71);

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Close now Pilot pulse' }).click();
    await expect.poll(() => row.textContent()).toContain('Closed');
    expect((await server.app.db.selectFrom('cycles').select('status').executeTakeFirstOrThrow()).status).toBe('closed');

    // The monthly schedule: second Tuesday, 10:00 Berlin time, open 5 days, reminder after 2.
    const schedule = page.getByRole('form', { name: 'Monthly schedule' });
    await schedule.getByLabel('Week of the month').selectOption({ label: 'Second' });
    await schedule.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday' });
    await schedule.getByLabel('Time', { exact: true }).selectOption({ label: '10:00' });
    await schedule.getByLabel('Time zone').fill('Europe/Berlin');
    await schedule.getByLabel('Open for (days)').fill('5');
    await schedule.getByLabel('Remind after (days)').fill('2');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await expect.poll(() => schedule.getByText('Schedule saved.').count()).toBe(1);
    const saved = await (await page.request.get(`${server.baseUrl}/api/v1/schedule`)).json();
    expect(saved.schedule).toEqual({
      enabled: true,
      weekday: 'tuesday',
      week: 2,
      hour: 10,
      timeZone: 'Europe/Berlin',
      openDays: 5,
      reminderAfterDays: 2,
    });
    // The next opening, a Tuesday at 10:00 in Berlin, written in the browser's locale.
    const berlin = (options: Intl.DateTimeFormatOptions) =>
      new Date(saved.nextOpensAt).toLocaleString('en-GB', { ...options, timeZone: 'Europe/Berlin' });
    expect([berlin({ weekday: 'long' }), berlin({ hour: '2-digit', minute: '2-digit' })]).toEqual(['Tuesday', '10:00']);
    const written = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(saved.nextOpensAt));
    expect(await schedule.getByText(/^The next pulse opens /).textContent()).toBe(`The next pulse opens ${written}.`);

    // A bad schedule is refused with its reason, and nothing changes.
    await schedule.getByLabel('Remind after (days)').fill('9');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await expect.poll(() => schedule.getByRole('alert').textContent()).toMatch(/fewer days than the pulse stays open/);
    expect((await (await page.request.get(`${server.baseUrl}/api/v1/schedule`)).json()).schedule.reminderAfterDays).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.context().close();

    const phone = await signedIn(390);
    await phone.goto(`${server.baseUrl}/pulses`);
    await expect.poll(() => phone.getByRole('region', { name: 'Cycles and their participation' }).getByRole('row').count()).toBe(2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.context().close();
  });
});
