import { describe, expect, it } from 'vitest';
import { createUser, loginAs, TEST_PASSWORD, withSignedInApp, type Session } from '../support/auth.js';
import { openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, type TestApp } from '../support/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe(`error messages in the reader's language, codes and shapes unchanged (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const participation = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/v1/cycles/${UNKNOWN}/participation`, headers });
  const setOwnLanguage = (session: Session, language: string | null) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: session.headers, payload: { language } });

  it('answers a pulse page in the language it speaks: missing answers and an unknown link', async () => {
    const [team] = await seedTeams(t.app, { Platform: 1 });
    const member = team!.members[0]!;
    await t.app.db.updateTable('users').set({ language: 'fr' }).where('id', '=', member.id).execute();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'Dezember', ...openWindow() },
    });
    expect(created.statusCode).toBe(201);
    const token = (await readOutbox(t.app)).find((m) => m.to.includes(member.email))!.token!;

    // The page switched to German sends ?lang=de: the refusal is in German, its code and details as ever.
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}?lang=de`, payload: { answers: { aut_say: 4 } } });
    expect(missing.statusCode).toBe(400);
    const error = missing.json().error;
    expect(error).toMatchObject({ code: 'invalid_request', message: 'Einige Antworten fehlen oder sind ungültig.' });
    expect(error.details.length).toBeGreaterThan(0);
    expect(error.details.every((d: { path: string }) => d.path.startsWith('answers.'))).toBe(true);
    // Without ?lang=, the browser's language.
    const french = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${token}`,
      headers: { 'accept-language': 'fr-FR' },
      payload: { answers: {} },
    });
    expect(french.json().error.message).toBe('Certaines réponses manquent ou ne sont pas valides.');
    // An unknown link, in English when nothing says otherwise: the English words stay as they were.
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/pulse/not-a-real-token-at-all' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'not_found', message: 'Pulse link not found.' } });
    const unknownDe = await t.app.inject({ method: 'GET', url: '/api/v1/pulse/not-a-real-token-at-all?lang=de' });
    expect(unknownDe.json()).toEqual({ error: { code: 'not_found', message: 'Link zur Pulsbefragung nicht gefunden.' } });
  });

  it('answers a failed sign-in in the browser’s language, else the organisation’s default', async () => {
    const user = await createUser(t.app, { role: 'leader', email: 'leitung@example.test' });
    const login = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: t.config.publicUrl, ...headers },
        payload: { email: user.email, password: `${TEST_PASSWORD}!` },
      });
    const english = await login({});
    expect(english.statusCode).toBe(401);
    expect(english.json()).toEqual({ error: { code: 'unauthorized', message: 'The email or password is not right.' } });
    expect((await login({ 'accept-language': 'de-CH, en;q=0.5' })).json().error).toEqual({
      code: 'unauthorized',
      message: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    });

    const admin = await loginAs(t.app, 'admin');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/language',
      headers: admin.headers,
      payload: { defaultLanguage: 'fr' },
    });
    expect(set.statusCode).toBe(200);
    expect((await login({})).json().error).toEqual({ code: 'unauthorized', message: 'L’adresse e-mail ou le mot de passe est incorrect.' });
    // A language Pulse does not speak falls through to the default.
    expect((await login({ 'accept-language': 'es' })).json().error.message).toBe('L’adresse e-mail ou le mot de passe est incorrect.');
  });

  it('answers a signed-in person in their own language before the browser’s, on every screen’s errors', async () => {
    expect((await participation(hr.headers)).json()).toEqual({ error: { code: 'not_found', message: 'Cycle not found.' } });
    expect((await participation({ ...hr.headers, 'accept-language': 'fr' })).json().error.message).toBe('Cycle introuvable.');
    expect((await setOwnLanguage(hr, 'de')).statusCode).toBe(200);
    expect((await participation({ ...hr.headers, 'accept-language': 'fr' })).json()).toEqual({
      error: { code: 'not_found', message: 'Runde nicht gefunden.' },
    });

    // A form's refusal: the message in German, the field details keep their paths.
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_request', message: 'Die Anfrage ist ungültig.' });
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('label');

    // A conflict with a placeholder, in German.
    const admin = await loginAs(t.app, 'admin');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.headers, payload: { name: 'Vertrieb' } })).statusCode,
    ).toBe(201);
    expect((await setOwnLanguage(admin, 'de')).statusCode).toBe(200);
    const twice = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.headers, payload: { name: 'Vertrieb' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toEqual({
      error: { code: 'conflict', message: 'Ein Team namens „Vertrieb“ gibt es an dieser Stelle des Baums schon.' },
    });

    // Without a session, the refusal follows the browser.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/cycles', headers: { 'accept-language': 'fr' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'unauthorized', message: 'Connectez-vous pour continuer.' } });
  });
});
