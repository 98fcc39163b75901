import { describe, expect, it } from 'vitest';
import { withSignedInApp, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type SeededMember } from '../support/pulse.js';
import { backend, type TestApp } from '../support/test-app.js';

/** How each member reads and answers their pulse: the page's `?lang=`, the browser's language, or neither. */
interface Reader {
  own?: 'en' | 'de' | 'fr';
  lang?: 'en' | 'de' | 'fr';
  browser?: string;
}

describe(`responses counted per language for the whole cycle, only for languages enough people answered in (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  // A threshold of 3, so small groups are easy to make.
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)), { env: { ANONYMITY_THRESHOLD: '3' } });

  const participation = async (cycleId: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cycles/${cycleId}/participation`, headers: hr.headers });
    expect(res.statusCode).toBe(200);
    return res.json() as { status: string; languages: { language: string; responses: number }[]; languageThreshold: number };
  };

  /** Opens a cycle for `members` and has each answer as `readers` says (same order); resolves the cycle's id. */
  async function answeredCycle(label: string, members: SeededMember[], readers: Reader[]): Promise<string> {
    for (const [i, reader] of readers.entries()) {
      await t.app.db
        .updateTable('users')
        .set({ language: reader.own ?? null })
        .where('id', '=', members[i]!.id)
        .execute();
    }
    await clearOutbox(t.app);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label, ...openWindow() } });
    expect(created.statusCode).toBe(201);
    const outbox = await readOutbox(t.app);
    for (const [i, reader] of readers.entries()) {
      const token = outbox.find((m) => m.to.includes(members[i]!.email))!.token!;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${token}${reader.lang ? `?lang=${reader.lang}` : ''}`,
        headers: reader.browser ? { 'accept-language': reader.browser } : {},
        payload: { answers: fullAnswers(3) },
      });
      expect(res.statusCode).toBe(201);
    }
    return created.json().cycle.id as string;
  }

  const close = async (cycleId: string) =>
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(200);

  it('counts the language each pulse was read in (the page’s, else the member’s own, else the browser’s), tells HR once the cycle has closed, and keeps it off the responses', async () => {
    const [platform, sales] = await seedTeams(t.app, { Platform: 5, Sales: 5 });
    const members = [...platform!.members, ...sales!.members];
    const cycleId = await answeredCycle('December', members, [
      // German: four members whose own language is German.
      { own: 'de' },
      { own: 'de' },
      { own: 'de' },
      { own: 'de', browser: 'fr' },
      // French: the browser's language, or the switch on the page.
      { browser: 'fr-CH, de;q=0.5' },
      { browser: 'fr' },
      { own: 'de', lang: 'fr' },
      // English: the switch, or nothing at all (the organisation's default).
      { own: 'fr', lang: 'en' },
      {},
      { browser: 'es' },
    ]);

    // While the cycle is open, no language count is shown: one that moved would tell who had just answered.
    const open = await participation(cycleId);
    expect(open.status).toBe('open');
    expect(open.languages).toEqual([]);

    await close(cycleId);
    const closed = await participation(cycleId);
    expect(closed.languages).toEqual([
      { language: 'de', responses: 4 },
      { language: 'en', responses: 3 },
      { language: 'fr', responses: 3 },
    ]);
    expect(closed.languageThreshold).toBe(3);

    // Only the cycle's counts hold a language: no team, and nothing on any response.
    const stored = await t.app.db.selectFrom('cycle_language_counts').selectAll().execute();
    expect(Object.keys(stored[0]!).sort()).toEqual(['cycle_id', 'language', 'responses']);
    const responses = await t.app.db.selectFrom('responses').selectAll().execute();
    expect(responses).toHaveLength(10);
    for (const response of responses) expect(JSON.stringify(response)).not.toMatch(/"(de|en|fr)"/);
  });

  it('leaves out a language fewer than the threshold answered in, and the next smallest too, so no subtraction gives it away', async () => {
    const [team] = await seedTeams(t.app, { Platform: 8 });
    // Four in German, three in English, one in French: French alone is below the threshold, and
    // the total (8) minus German and English would be French's 1, so English is left out too.
    const cycleId = await answeredCycle('November', team!.members, [
      { own: 'de' },
      { own: 'de' },
      { own: 'de' },
      { own: 'de' },
      { lang: 'en' },
      { lang: 'en' },
      { lang: 'en' },
      { own: 'fr' },
    ]);
    await close(cycleId);
    const shown = await participation(cycleId);
    expect(shown.languages).toEqual([{ language: 'de', responses: 4 }]);
    // What is left out (8 − 4) is more than one language and at least the threshold.
    expect(JSON.stringify(shown)).not.toContain('"fr"');
    expect(JSON.stringify(shown)).not.toContain('"en"');

    // Under a threshold of 5 no language is shown at all: none was answered in by five.
    await t.app.db
      .insertInto('settings')
      .values({ key: 'anonymity_threshold', value: JSON.stringify(5) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(5) }))
      .execute();
    const stricter = await participation(cycleId);
    expect(stricter.languageThreshold).toBe(5);
    expect(stricter.languages).toEqual([]);
  });
});
