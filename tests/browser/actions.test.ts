import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoAccounts } from '@pulse/server/demo/demo-organisation';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, signIn, startDemoBrowserServer, type BrowserServer } from '../support/browser.js';
import { readOutbox } from '../support/pulse.js';

/** Screenshots for people to look at; the folder is gitignored and kept by CI as an artifact. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

describe('from the critical alert to a committed action, rated in the next pulse (Chromium, demo organisation)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let teamId: Record<string, string> = {};
  const problems: string[] = [];

  beforeAll(async () => {
    ({ server, teamId } = await startDemoBrowserServer());
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(email: string, width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, server.baseUrl, email, demoAccounts.password);
    return page;
  }

  async function checkPage(page: Page, width: number) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it(
    'takes a leader from the critical alert to a committed action in two clicks, then the team rates it',
    { timeout: 240_000 },
    async () => {
      const page = await signedIn(demoAccounts.leaders[0].email, 1366);
      await page.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
      const fortress = page.getByRole('article', { name: /Fortress pattern/ });
      await expect.poll(() => fortress.count()).toBe(1);
      // The demo's request menu already answers the alert, and the card says so.
      await expect.poll(() => fortress.textContent()).toContain('Action in progress: “Publish a request menu for drive-thru requests”');

      // Click one: plan from the alert. The form arrives pre-filled with its first suggestion.
      await fortress.getByRole('button', { name: 'Plan an action from this alert Fortress pattern' }).click();
      const form = page.getByRole('form', { name: 'Plan an action' });
      const title = form.getByLabel('Action', { exact: true });
      await expect.poll(() => title.inputValue()).not.toBe('');
      const planned = await title.inputValue();
      expect(await form.getByLabel('Owner').locator('option:checked').textContent()).toContain('Lena Legal');
      await page.screenshot({ path: `${ARTIFACTS}actions-plan-1366.png` });
      // Click two: commit.
      await form.getByRole('button', { name: 'Commit to this action' }).click();
      const card = page.getByRole('article', { name: new RegExp(`^Planned\\s*${escapeRegExp(planned)}$`) });
      await expect.poll(() => card.count()).toBe(1);
      await expect.poll(() => fortress.textContent()).toContain(`Action planned: “${planned}”`);
      const stored = await server.app.db.selectFrom('actions').selectAll().where('title', '=', planned).executeTakeFirstOrThrow();
      const alert = await server.app.db
        .selectFrom('alerts')
        .select('id')
        .where('team_id', '=', teamId.Legal!)
        .where('kind', '=', 'fortress')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ team_id: teamId.Legal, alert_id: alert.id, status: 'planned' });
      expect(stored.remedy).toBeTruthy();

      // Start it: the alert card says it is in progress; acknowledging stays possible.
      await card.getByRole('button', { name: `Start ${planned}` }).click();
      const started = page.getByRole('article', { name: new RegExp(`^In progress\\s*${escapeRegExp(planned)}$`) });
      await expect.poll(() => started.count()).toBe(1);
      await expect.poll(() => fortress.textContent()).toContain(`Action in progress: “${planned}”`);
      expect(await fortress.getByRole('button', { name: 'Acknowledge Fortress pattern' }).count()).toBe(1);
      // The demo's action shows the team's rating and says its effect is too early to tell.
      const menu = page.getByRole('article', { name: /Publish a request menu for drive-thru requests/ }).last();
      expect(await menu.textContent()).toMatch(
        /The team’s view in .*: \d+\/100 on “this change is making a difference for us” \(95% interval \d+–\d+, 8 ratings\)/,
      );
      expect(await menu.textContent()).toContain('Openness: too early to tell');
      await page.locator('#actions').scrollIntoViewIfNeeded();
      await checkPage(page, 1366);
      await page.screenshot({ path: `${ARTIFACTS}actions-team-1366.png`, fullPage: true });

      // The team sees both actions in its next pulse and rates the new one; "Not noticed yet" for the menu.
      const member = await server.app.db.selectFrom('users').select('email').where('team_id', '=', teamId.Legal!).executeTakeFirstOrThrow();
      const mail = (await readOutbox(server.app)).find((m) => m.to.includes(member.email) && m.token)!;
      const pulse = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await pulse.goto(`${server.baseUrl}/p/${mail.token}`);
      const section = pulse.getByRole('region', { name: 'What your team is changing' });
      await expect.poll(() => section.getByRole('group').count()).toBe(2);
      await section
        .getByRole('group', { name: new RegExp(`^${escapeRegExp(planned)}:`) })
        .getByRole('radio', { name: 'Agree', exact: true })
        .check();
      await section
        .getByRole('group', { name: /^Publish a request menu for drive-thru requests:/ })
        .getByRole('radio', { name: 'Not noticed yet' })
        .check();
      expect(await axeViolations(pulse)).toEqual([]);
      expect(await pulse.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await section.scrollIntoViewIfNeeded();
      await pulse.screenshot({ path: `${ARTIFACTS}actions-pulse-390.png` });
      for (const group of await pulse.locator('form fieldset.scale').all()) {
        if ((await group.locator('input:checked').count()) === 0 && !(await group.locator('.scale-not-noticed').count())) {
          // Agreement scales answer "Neither"; eNPS (0–10) answers 8.
          const neither = group.getByRole('radio', { name: 'Neither' });
          await ((await neither.count()) ? neither : group.getByRole('radio', { name: '8', exact: true })).check();
        }
      }
      await pulse.getByRole('button', { name: 'Send my answers' }).click();
      await expect.poll(() => pulse.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your answers are in');
      const answers = await server.app.db
        .selectFrom('action_answers')
        .select(['action_id', 'answer'])
        .where('action_id', '=', stored.id)
        .execute();
      expect(answers).toEqual([{ action_id: stored.id, answer: 4 }]);
      const open = await server.app.db.selectFrom('cycles').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
      const menuAnswersNow = await server.app.db
        .selectFrom('action_answers as a')
        .innerJoin('actions as x', 'x.id', 'a.action_id')
        .where('x.title', '=', 'Publish a request menu for drive-thru requests')
        .where('a.cycle_id', '=', open.id)
        .selectAll()
        .execute();
      expect(menuAnswersNow).toEqual([]);
      expect(problems).toEqual([]);
    },
  );

  it(
    'shows the team view’s actions on a phone, and HR every action with the overdue first and the watch list’s action state',
    { timeout: 240_000 },
    async () => {
      const phone = await signedIn(demoAccounts.leaders[0].email, 390);
      await phone.goto(`${server.baseUrl}/insights/teams/${teamId.Legal}`);
      const actions = phone.getByRole('region', { name: 'Actions' });
      await expect.poll(() => actions.getByRole('article').count()).toBeGreaterThanOrEqual(1);
      // The openness chart marks where the demo's request menu started, and says so in words.
      const note = phone.getByText(/The solid line marks where an action started: “Publish a request menu for drive-thru requests” \(/);
      await expect.poll(() => note.count()).toBe(1);
      await checkPage(phone, 390);
      await note.scrollIntoViewIfNeeded();
      await phone.screenshot({ path: `${ARTIFACTS}actions-chart-390.png` });
      await phone.locator('#actions').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: `${ARTIFACTS}actions-team-390.png` });

      // An overdue action of another team comes first on HR's page.
      await server.app.db
        .insertInto('actions')
        .values({ team_id: teamId['IT Service Desk']!, title: 'Triage rota for tickets', status: 'planned', due_at: '2020-02-01' })
        .execute();
      const hr = await signedIn(demoAccounts.hr.email, 1366);
      const watch = hr.getByRole('region', { name: 'Fortress watch' });
      await expect.poll(() => watch.textContent()).toMatch(/\d actions?: .*in progress/);
      await hr.getByRole('link', { name: 'Actions', exact: true }).click();
      await hr.waitForURL(/\/actions$/);
      const cards = hr.getByRole('article');
      await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
      expect(await cards.first().textContent()).toMatch(/Overdue.*Triage rota for tickets/);
      await checkPage(hr, 1366);
      await hr.screenshot({ path: `${ARTIFACTS}actions-all-1366.png`, fullPage: true });
      const hrPhone = await signedIn(demoAccounts.hr.email, 390);
      await hrPhone.goto(`${server.baseUrl}/actions`);
      await expect.poll(() => hrPhone.getByRole('article').count()).toBeGreaterThanOrEqual(3);
      await checkPage(hrPhone, 390);
      await hrPhone.screenshot({ path: `${ARTIFACTS}actions-all-390.png` });
      expect(problems).toEqual([]);
    },
  );
});
