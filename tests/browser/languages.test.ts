import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentQuestionnaire, enpsItem, type Language } from '@pulse/shared';
import { extraText, localiseQuestionnaire } from '@pulse/shared/questionnaire-texts/index';
import { loginAs } from '../support/auth.js';
import { axeViolations, launchBrowser, startBrowserServer, type BrowserServer } from '../support/browser.js';
import { readOutbox, seedTeams, type OutboxMail, type SeededTeam } from '../support/pulse.js';

const allImpacts = ['minor', 'moderate', 'serious', 'critical'];
/** Set PULSE_SCREENSHOTS to a directory to keep a picture of each page looked at. */
const shots = process.env.PULSE_SCREENSHOTS;
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('pulses and dashboards in the member’s own language', () => {
  let server: BrowserServer;
  let browser: Browser;
  let team: SeededTeam;
  let mails: OutboxMail[];

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    team = (await seedTeams(server.app, { Plattform: 4 }))[0]!;
    // Two members speak German, one French; the last has none of their own (the organisation's default).
    const languages: (Language | null)[] = ['de', 'de', 'fr', null];
    for (const [i, member] of team.members.entries()) {
      await server.app.db.updateTable('users').set({ language: languages[i]! }).where('id', '=', member.id).execute();
    }
    const hr = await loginAs(server.app, 'hr');
    const now = Date.now();
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: {
        label: 'Dezember 2026',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    mails = await readOutbox(server.app);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const linkFor = (memberIndex: number) => {
    const mail = mails.find((m) => m.to.includes(team.members[memberIndex]!.email))!;
    return `${server.baseUrl}${new URL(mail.link!).pathname}`;
  };
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const picture = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
  };

  for (const [memberIndex, lang, title, thanks, choice] of [
    [0, 'de', 'Monatliche Pulsbefragung: Dezember 2026', 'Danke, Ihre Antworten sind angekommen', 'Stimme voll zu'],
    [2, 'fr', 'Sondage mensuel\u00a0: Dezember 2026', 'Merci, vos réponses sont bien arrivées', 'Tout à fait d’accord'],
  ] as const) {
    it(`shows a ${lang} member the whole pulse in ${lang} at 390 px, without sideways scroll, and thanks them in ${lang}`, async () => {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(linkFor(memberIndex));
      await expect.poll(() => heading(page)).toBe(title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const items = localiseQuestionnaire(currentQuestionnaire, lang).items;
      for (const item of items) expect(await page.getByRole('group', { name: item.text }).isVisible()).toBe(true);
      expect(await page.getByText(currentQuestionnaire.items[0]!.text).count()).toBe(0);
      await noSidewaysScroll(page);
      expect(await axeViolations(page, allImpacts)).toEqual([]);
      await picture(page, `pulse-${lang}-390`);
      await page.getByRole('button', { name: lang === 'de' ? 'Antworten senden' : 'Envoyer mes réponses' }).scrollIntoViewIfNeeded();
      await picture(page, `pulse-${lang}-390-end`);
      for (const item of items) await page.getByRole('group', { name: item.text }).getByRole('radio', { name: choice }).tap();
      // eNPS, asked by default, on its own 0–10 scale.
      await page
        .getByRole('group', { name: extraText(enpsItem.id, lang) })
        .getByRole('radio', { name: '9', exact: true })
        .tap();
      await page.getByRole('button', { name: lang === 'de' ? 'Antworten senden' : 'Envoyer mes réponses' }).tap();
      await expect.poll(() => heading(page)).toBe(thanks);
      await noSidewaysScroll(page);
      await picture(page, `thanks-${lang}-390`);
      await context.close();
    });
  }

  it('switches one answer to another language, keeping the answers chosen so far, without changing the member’s own language', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(linkFor(1));
    await expect.poll(() => heading(page)).toBe('Monatliche Pulsbefragung: Dezember 2026');
    const german = localiseQuestionnaire(currentQuestionnaire, 'de').items;
    await page.getByRole('group', { name: german[0]!.text }).getByRole('radio', { name: 'Stimme zu', exact: true }).tap();
    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('button', { name: 'English' }).tap();
    await expect.poll(() => heading(page)).toBe('Monthly pulse: Dezember 2026');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const english = currentQuestionnaire.items;
    expect(await page.getByRole('group', { name: english[0]!.text }).getByRole('radio', { name: 'Agree', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await page.getByText(`1 of ${english.length + 1} answered`).isVisible()).toBe(true); // and eNPS
    await noSidewaysScroll(page);
    // The switch was for this answer only: the link opens in German again.
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Monatliche Pulsbefragung: Dezember 2026');
    await context.close();
  });

  it('shows a leader the dashboard in German by their own choice, and by the browser’s Accept-Language without one', async () => {
    const leader = await loginAs(server.app, 'leader');
    const signInGerman = async (page: Page) => {
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('E-Mail').fill(leader.user.email);
      await page.getByLabel('Passwort').fill(leader.user.password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    };
    // By the browser: German Chromium, no language of their own.
    const byBrowser = await browser.newContext({ locale: 'de-DE' });
    const page = await byBrowser.newPage();
    await signInGerman(page);
    await expect.poll(() => page.getByRole('button', { name: 'Abmelden' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await axeViolations(page)).toEqual([]);
    await byBrowser.close();

    // By their choice: an English browser, and the leader chose German in the shell.
    await server.app.db.updateTable('users').set({ language: 'de' }).where('id', '=', leader.user.id).execute();
    const english = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const own = await english.newPage();
    await own.goto(`${server.baseUrl}/login`);
    await own.getByLabel('Email').fill(leader.user.email);
    await own.getByLabel('Password').fill(leader.user.password);
    await own.getByRole('button', { name: 'Sign in', exact: true }).click();
    await own.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(() => own.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => own.getByRole('button', { name: 'Menü' }).isVisible()).toBe(true);
    await noSidewaysScroll(own);
    await picture(own, 'dashboard-de-390');
    await english.close();
  });
});
