import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, latestPasswordToken, type TestUser } from '../support/auth.js';
import { axeViolations, launchBrowser, openMenu, startBrowserServer, type BrowserServer } from '../support/browser.js';

const CSV = [
  'email,name,team,role',
  'lea@example.test,Lea Leader,Org/Sales,leader',
  'sam@example.test,Sam Seller,Org/Sales/Inside,member',
  'pat@example.test,Pat Helper,Org/Support,member',
].join('\r\n');
const LEADER_PASSWORD = 'leading with a long password';

describe('people and access in Chromium', () => {
  let server: BrowserServer;
  let browser: Browser;
  let hr: TestUser;
  let admin: TestUser;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    hr = await createUser(server.app, { role: 'hr', email: 'hanna@example.test', name: 'Hanna HR' });
    admin = await createUser(server.app, { role: 'admin', email: 'ada@example.test', name: 'Ada Admin' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newContext(width: number): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    return context;
  }

  async function signIn(page: Page, user: TestUser) {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/teams$/);
  }

  /** The team names in the tree, top to bottom. */
  const teamNames = (page: Page) => page.getByRole('list', { name: 'Organisation tree' }).locator('.team-name').allTextContents();

  /** No serious or critical axe violations, and nothing wider than the viewport. */
  async function checkPage(page: Page, width: number) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('HR imports a CSV, sees the tree and invites a leader, who sets a password and sees only their subtree', async () => {
    // HR at desktop width.
    const hrContext = await newContext(1280);
    const page = await hrContext.newPage();
    await page.goto(`${server.baseUrl}/teams`);
    await page.waitForURL(/\/login\?next=%2Fteams$/);
    await checkPage(page, 1280);
    await page.getByLabel('Email').fill(hr.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not right/);
    await page.getByLabel('Password').fill(hr.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/teams$/);
    await expect.poll(() => page.getByText('No teams yet').count()).toBe(1);

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => page.getByText('people.csv is ready to import').count()).toBe(1);
    expect(
      await page
        .getByRole('table', { name: /first 3 rows/ })
        .getByRole('row')
        .count(),
    ).toBe(4);
    await checkPage(page, 1280);
    await page.getByRole('button', { name: 'Import now' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported people.csv' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Seller' }).count()).toBe(1);
    await page.getByLabel('Search by name or email').fill('pat@');
    await expect.poll(() => page.getByRole('cell', { name: 'Sam Seller' }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Pat Helper' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Teams' }).click();
    const tree = page.getByRole('list', { name: 'Organisation tree' });
    await expect.poll(() => teamNames(page)).toEqual(['Org', 'Sales', 'Inside', 'Support']);
    expect(await tree.getByText('led by Lea Leader').count()).toBe(1);
    await page.getByRole('button', { name: 'Edit Sales' }).click();
    await checkPage(page, 1280);

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('button', { name: 'Send invitation Lea Leader' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Invitation sent to lea@example.test' }).count()).toBe(1);
    await checkPage(page, 1280);
    await hrContext.close();

    // The admin sees the invitation in the outbox (embedded mail mode), its link hidden: it
    // would set Lea's password.
    const adminContext = await newContext(1280);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    await adminPage.getByRole('link', { name: 'Outbox' }).click();
    await adminPage.getByRole('link', { name: 'You are invited to Pulse' }).click();
    await expect.poll(() => adminPage.getByText('[password link hidden]').count()).toBe(1);
    expect(await adminPage.getByRole('link', { name: /\/set-password/ }).count()).toBe(0);
    await checkPage(adminPage, 1280);
    await adminContext.close();

    // The leader, on a 360 px phone, follows the link from the mail on this server.
    const leaderContext = await newContext(360);
    const leaderPage = await leaderContext.newPage();
    const token = await latestPasswordToken(server.app, 'lea@example.test');
    await leaderPage.goto(`${server.baseUrl}/set-password?token=${token}`);
    await expect.poll(() => leaderPage.getByText('Welcome, Lea Leader').count()).toBe(1);
    await checkPage(leaderPage, 360);
    await leaderPage.getByLabel('New password').fill(LEADER_PASSWORD);
    await leaderPage.getByLabel('Repeat the password').fill(LEADER_PASSWORD);
    await leaderPage.getByRole('button', { name: 'Save password and sign in' }).click();
    // A leader lands on their insights; the team tree is one link away.
    await leaderPage.waitForURL(/\/insights$/);
    await openMenu(leaderPage);
    await leaderPage.getByRole('link', { name: 'Teams' }).click();
    await expect.poll(() => teamNames(leaderPage)).toEqual(['Sales', 'Inside']);
    expect(await leaderPage.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await checkPage(leaderPage, 360);
    await openMenu(leaderPage);
    await leaderPage.getByRole('link', { name: 'Members' }).click();
    await expect.poll(() => leaderPage.getByRole('cell', { name: 'Sam Seller' }).count()).toBe(1);
    expect(await leaderPage.getByRole('cell', { name: 'Pat Helper' }).count()).toBe(0);
    await checkPage(leaderPage, 360);

    // Signing out ends the session.
    await openMenu(leaderPage);
    await leaderPage.getByRole('button', { name: 'Sign out' }).click();
    await leaderPage.waitForURL(/\/login\?signedOut=1$/);
    await leaderPage.goto(`${server.baseUrl}/teams`);
    await leaderPage.waitForURL(/\/login\?next=/);
    await leaderContext.close();
    expect(cspErrors).toEqual([]);
  });

  it('shows every bad line of a CSV, and the audit log and settings pages work at 360 px', async () => {
    const context = await newContext(360);
    const page = await context.newPage();
    await signIn(page, admin);
    await page.goto(`${server.baseUrl}/members`);
    const bad = 'email,name,team\nok@example.test,Ok,Org\nnot-an-email,Bad,Org\nx@example.test,,Org\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const problems = page.getByRole('alert').filter({ hasText: 'Problems in bad.csv' });
    await expect
      .poll(() => problems.getByRole('listitem').allTextContents())
      .toEqual([expect.stringMatching(/^line 3: .*not a valid email/), expect.stringMatching(/^line 4: .*name is missing/)]);
    expect(await page.getByRole('button', { name: 'Import now' }).count()).toBe(0);
    await checkPage(page, 360);

    await openMenu(page);

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: /^Lea Leader/ }).count()).toBe(1);
    await checkPage(page, 360);

    await openMenu(page);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'users.invite' }).count()).toBe(1);
    await page.getByLabel('Show').selectOption('members.');
    await expect.poll(() => page.getByRole('cell', { name: 'users.invite' }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'members.import' }).count()).toBe(1);
    await checkPage(page, 360);

    await openMenu(page);

    await page.getByRole('link', { name: 'Settings' }).click();
    const threshold = page.getByLabel('Anonymity threshold');
    await expect.poll(() => threshold.inputValue()).toBe('5');
    // No pulse has closed here: the page still says what a change does to closed pulses.
    expect(await page.getByText(/lowering the threshold applies to pulses closed from now on/).count()).toBe(1);
    await threshold.fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/never below 3/);
    await threshold.fill('7');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'now 7' }).count()).toBe(1);
    await checkPage(page, 360);

    // The session ends while the page is open (expiry, or signed out elsewhere): the next page
    // sends its reader to sign in again and back to where they were going.
    await server.app.db.deleteFrom('sessions').execute();
    await openMenu(page);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/login\?next=%2Faudit$/);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/audit$/);
    await context.close();
    expect(cspErrors).toEqual([]);
  });

  it('signs in with the keyboard alone, and the API docs page runs under the same CSP', async () => {
    const context = await newContext(1280);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('email');
    await page.keyboard.type(hr.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(hr.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/insights$/);
    // The skip link is the first stop and lands on the page content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');

    await page.goto(`${server.baseUrl}/api/docs`);
    await expect.poll(() => page.locator('.swagger-ui .title').first().textContent()).toMatch(/Pulse API/);
    await expect.poll(() => page.getByText('/api/v1/members/import').count()).toBeGreaterThan(0);
    await context.close();
    expect(cspErrors).toEqual([]);
  });
});
