import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it, vi } from 'vitest';
import { createUser, loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { fullAnswers, openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`languages (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const setLanguage = (userId: string, language: string | null) =>
    t.app.db.updateTable('users').set({ language }).where('id', '=', userId).execute();
  const getPulse = (token: string, query = '', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/pulse/${token}${query}`, headers });
  /** Every mail in the outbox, decoded as a mail client would. */
  const mails = async () => {
    const names = (await readdir(t.app.mailer.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
    return Promise.all(
      names.map(async (name) => {
        const mail = await simpleParser(await readFile(path.join(t.app.mailer.outboxDir, name)));
        return {
          to: [mail.to ?? []]
            .flat()
            .map((a) => a.text)
            .join(', '),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
        };
      }),
    );
  };
  /** Three members, in German, French and none of their own; HR opens a cycle for them. */
  async function cycleWithMembers() {
    const [team] = await seedTeams(t.app, { Platform: 3 });
    const [de, fr, none] = team!.members;
    await setLanguage(de!.id, 'de');
    await setLanguage(fr!.id, 'fr');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'Dezember 2026', ...openWindow() },
    });
    expect(res.statusCode).toBe(201);
    const outbox = await readOutbox(t.app);
    const tokenOf = (email: string) => outbox.find((m) => m.to.includes(email))!.token!;
    return {
      de: { ...de!, token: tokenOf(de!.email) },
      fr: { ...fr!, token: tokenOf(fr!.email) },
      none: { ...none!, token: tokenOf(none!.email) },
    };
  }

  it('opens a member’s pulse in their own language, ?lang= overrides it, and the answers are stored by item id whatever the language', async () => {
    const { de, fr } = await cycleWithMembers();
    const german = (await getPulse(de.token)).json();
    expect(german.language).toBe('de');
    expect(german.questionnaire.items[0]).toMatchObject({
      id: 'aut_say',
      text: 'Ich habe echten Einfluss darauf, wie ich meine Arbeit mache.',
    });
    expect(german.questionnaire.items[0].scale.labels).toEqual([
      'Stimme überhaupt nicht zu',
      'Stimme nicht zu',
      'Weder noch',
      'Stimme zu',
      'Stimme voll zu',
    ]);
    expect((await getPulse(fr.token)).json().questionnaire.items.at(-1).text).toBe('Notre équipe tient les autres groupes à distance.');

    const english = (await getPulse(de.token, '?lang=en')).json();
    expect(english.language).toBe('en');
    expect(english.questionnaire.items[0].text).toBe('I have a real say in how I do my work.');
    expect(english.questionnaire.items.map((i: { id: string }) => i.id)).toEqual(
      german.questionnaire.items.map((i: { id: string }) => i.id),
    );

    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${de.token}`, payload: { answers: fullAnswers(4) } })).statusCode,
    ).toBe(201);
    const [response] = await t.app.db.selectFrom('responses').selectAll().execute();
    expect(response!.answers).toEqual(fullAnswers(4));
    // Nothing about the language is kept with the answers.
    expect(JSON.stringify(response)).not.toMatch(/"(de|en|fr)"/);
  });

  it('falls back to the browser’s Accept-Language, then to the organisation’s default an admin sets', async () => {
    const { none } = await cycleWithMembers();
    expect((await getPulse(none.token)).json().language).toBe('en');
    expect((await getPulse(none.token, '', { 'accept-language': 'es-ES, fr-CH;q=0.9, de;q=0.8' })).json().language).toBe('fr');
    const admin = await loginAs(t.app, 'admin');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/language',
      headers: admin.headers,
      payload: { defaultLanguage: 'de' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().defaultLanguage).toBe('de');
    expect((await getPulse(none.token)).json().language).toBe('de');
    expect((await getPulse(none.token, '', { 'accept-language': 'fr' })).json().language).toBe('fr');
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'target']).where('target', '=', 'default_language').execute();
    expect(audit).toEqual([{ action: 'settings.update', target: 'default_language' }]);
  });

  it('refuses a language Pulse does not speak with a clear 400, and changes nothing', async () => {
    const { de } = await cycleWithMembers();
    const bad = await getPulse(de.token, '?lang=es');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'query.lang', message: expect.stringContaining('en, de, fr') }],
    });
    expect((await getPulse(de.token)).json().language).toBe('de');

    const admin = await loginAs(t.app, 'admin');
    const setting = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/language',
      headers: admin.headers,
      payload: { defaultLanguage: 'klingon' },
    });
    expect(setting.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin.headers })).json().defaultLanguage).toBe('en');
    const own = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: admin.headers, payload: { language: 'xx' } });
    expect(own.statusCode).toBe(400);
    expect(
      (await t.app.db.selectFrom('users').select('language').where('id', '=', admin.user.id).executeTakeFirstOrThrow()).language,
    ).toBeNull();
  });

  it('imports each member’s language from the optional column; a bad one is refused with its line, and nothing is imported', async () => {
    const importCsv = (csv: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/members/import', headers: { ...hr.headers, 'content-type': 'text/csv' }, payload: csv });
    const bad = await importCsv('email,name,team,language\nana@example.test,Ana,Ops,de\nbo@example.test,Bo,Ops,es\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'line 3', message: '"es" is not a language (en, de, fr).' }]);
    expect(await t.app.db.selectFrom('users').select('email').where('role', '=', 'member').execute()).toEqual([]);

    expect(
      (await importCsv('email,name,team,language\nana@example.test,Ana,Ops,DE\nbo@example.test,Bo,Ops,fr\ncy@example.test,Cy,Ops,\n'))
        .statusCode,
    ).toBe(200);
    const languages = async () =>
      Object.fromEntries(
        (await t.app.db.selectFrom('users').select(['email', 'language']).where('role', '=', 'member').execute()).map((u) => [
          u.email,
          u.language,
        ]),
      );
    expect(await languages()).toEqual({ 'ana@example.test': 'de', 'bo@example.test': 'fr', 'cy@example.test': null });
    // A file without the column, or an empty cell, leaves the language as it is; a new value changes it.
    const again = await importCsv(
      'email,name,team,role,language\nana@example.test,Ana,Ops,member,\nbo@example.test,Bo,Ops,member,en\ncy@example.test,Cy,Ops,member,\n',
    );
    expect(again.json()).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await languages()).toEqual({ 'ana@example.test': 'de', 'bo@example.test': 'en', 'cy@example.test': null });
  });

  it('mails each member the invitation in their own language, and a reset in the account’s language', async () => {
    const { de, fr, none } = await cycleWithMembers();
    const sent = await mails();
    const to = (email: string) => sent.find((m) => m.to.includes(email))!;
    expect(to(de.email).subject).toBe('Ihre Pulsbefragung Dezember 2026: zwei Minuten, anonym');
    expect(to(de.email).text).toContain(`Guten Tag ${de.name},`);
    expect(to(de.email).text).toContain('Der Link gehört nur Ihnen und funktioniert einmal');
    expect(to(de.email).text).toMatch(/offen bis \w+, \d+\. \w+ \d{4} um \d\d:\d\d \(Zeitzone UTC\)/);
    expect(to(fr.email).subject).toBe('Votre sondage Dezember 2026\u00a0: deux minutes, anonyme');
    expect(to(fr.email).text).toContain(`Bonjour ${fr.name},`);
    expect(to(none.email).subject).toBe('Your Dezember 2026 pulse: two minutes, anonymous');

    const leader = await createUser(t.app, { role: 'leader', email: 'leiterin@example.test' });
    await setLanguage(leader.id, 'de');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { origin: t.config.publicUrl },
      payload: { email: leader.email },
    });
    expect(reset.statusCode).toBe(202);
    const mail = await vi.waitFor(
      async () => (await mails()).find((m) => m.to.includes(leader.email)) ?? Promise.reject(new Error('not yet')),
      { timeout: 20_000 },
    );
    expect(mail.subject).toBe('Ihr Pulse-Passwort zurücksetzen');
    expect(mail.text).toContain('der Link funktioniert einmal, 1 Stunde lang');
  });

  it('gives the dashboard the person’s own language, else the browser’s, and keeps their choice', async () => {
    const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect((await me(hr.headers)).json()).toMatchObject({ language: 'en', ownLanguage: null });
    expect((await me({ ...hr.headers, 'accept-language': 'de-AT,de;q=0.9' })).json()).toMatchObject({ language: 'de', ownLanguage: null });
    const chosen = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: hr.headers, payload: { language: 'fr' } });
    expect(chosen.json()).toMatchObject({ language: 'fr', ownLanguage: 'fr' });
    expect((await me({ ...hr.headers, 'accept-language': 'de' })).json()).toMatchObject({ language: 'fr', ownLanguage: 'fr' });
    await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: hr.headers, payload: { language: null } });
    expect((await me({ ...hr.headers, 'accept-language': 'de' })).json()).toMatchObject({ language: 'de', ownLanguage: null });
  });
});
