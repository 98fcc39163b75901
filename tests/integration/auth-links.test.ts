import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { createUser, latestPasswordToken, loginAs, sessionCookieFrom, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

const NEW_PASSWORD = 'a brand new long password';

describe(`invitations and password links (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  withSignedInApp('hr', (app, session) => ((t = app), (hr = session)));

  const post = (url: string, payload: object, headers: Record<string, string> = { origin: t.config.publicUrl }) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });

  it('invites a leader by mail; the link sets a password once and signs in', async () => {
    const created = await post('/users', { email: 'lea@example.test', name: 'Lea', role: 'leader' }, hr.headers);
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ email: 'lea@example.test', role: 'leader', hasPassword: false, active: true });
    const token = await latestPasswordToken(t.app, 'lea@example.test');
    // Only the hash is stored.
    const stored = await t.app.db.selectFrom('user_tokens').select(['token_hash', 'purpose']).execute();
    expect(stored).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), purpose: 'invite' }]);
    expect(stored[0]!.token_hash).not.toBe(token);

    const info = await t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
    expect(info.json()).toEqual({ purpose: 'invite', email: 'lea@example.test', name: 'Lea' });
    const set = await post('/auth/password', { token, password: NEW_PASSWORD });
    expect(set.statusCode).toBe(200);
    expect(set.json().user).toMatchObject({ email: 'lea@example.test', role: 'leader' });
    const cookie = sessionCookieFrom(set.headers['set-cookie'])!;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);

    const again = await post('/auth/password', { token, password: 'another long password' });
    expect(again.statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` })).statusCode).toBe(410);
    expect((await post('/auth/login', { email: 'lea@example.test', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses an expired link and a short password, changing nothing', async () => {
    const user = await createUser(t.app, { role: 'leader', email: 'x@example.test' });
    await post(`/users/${user.id}/invite`, {}, hr.headers);
    const token = await latestPasswordToken(t.app, 'x@example.test');
    const short = await post('/auth/password', { token, password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('password');
    await t.app.db
      .updateTable('user_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await post('/auth/password', { token, password: NEW_PASSWORD })).statusCode).toBe(410);
    expect((await post('/auth/login', { email: 'x@example.test', password: NEW_PASSWORD })).statusCode).toBe(401);
  });

  it('a new invitation replaces the earlier link', async () => {
    const user = await createUser(t.app, { role: 'leader', email: 'y@example.test' });
    await post(`/users/${user.id}/invite`, {}, hr.headers);
    const first = await latestPasswordToken(t.app, 'y@example.test');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(`/users/${user.id}/invite`, {}, hr.headers);
    const second = await latestPasswordToken(t.app, 'y@example.test');
    expect(second).not.toBe(first);
    expect((await post('/auth/password', { token: first, password: NEW_PASSWORD })).statusCode).toBe(404);
    expect((await post('/auth/password', { token: second, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('mails a reset link to a known address, answers unknown ones the same, and ends old sessions', async () => {
    const user = await createUser(t.app, { role: 'hr', email: 'reset@example.test' });
    const old = await loginAs(t.app, user);
    const unknown = await post('/auth/password-reset', { email: 'nobody@example.test' });
    const known = await post('/auth/password-reset', { email: 'reset@example.test' });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const token = await latestPasswordToken(t.app, 'reset@example.test');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` })).json().purpose).toBe('reset');
    expect((await post('/auth/password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: old.headers })).statusCode).toBe(401);
    expect((await post('/auth/login', { email: 'reset@example.test', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('answers a reset before any mail is written, so known and unknown addresses take the same time', async () => {
    await createUser(t.app, { role: 'hr', email: 'slow@example.test' });
    const send = t.app.mailer.send;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let mailing = false;
    t.app.mailer.send = async (message) => {
      mailing = true;
      await gate;
      return send.call(t.app.mailer, message);
    };
    try {
      let answered = false;
      const answer = post('/auth/password-reset', { email: 'slow@example.test' }).then((res) => ((answered = true), res));
      // The mail is held back; the answer must not wait for it.
      await vi.waitFor(() => expect(answered).toBe(true), { timeout: 20_000, interval: 20 });
      expect((await answer).statusCode).toBe(202);
      await vi.waitFor(() => expect(mailing).toBe(true), { timeout: 20_000, interval: 20 });
    } finally {
      release();
      t.app.mailer.send = send;
    }
    expect(await latestPasswordToken(t.app, 'slow@example.test')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a member no password: a reset answers as for an unknown address and mails nothing', async () => {
    const member = await createUser(t.app, { role: 'member', email: 'mem@example.test' });
    const reset = await post('/auth/password-reset', { email: 'mem@example.test' });
    const unknown = await post('/auth/password-reset', { email: 'nobody@example.test' });
    expect(reset.statusCode).toBe(202);
    expect(reset.body).toBe(unknown.body);
    // Both requests are audited once their work is done, as unknown.
    await vi.waitFor(
      async () => {
        const rows = await t.app.db
          .selectFrom('audit_log')
          .select(['target', 'details'])
          .where('action', '=', 'auth.reset_requested')
          .execute();
        expect(rows.map((r) => [r.target, (r.details as { known: boolean }).known]).sort()).toEqual([
          ['mem@example.test', false],
          ['nobody@example.test', false],
        ]);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(await readdir(t.app.mailer.outboxDir).catch(() => [])).toEqual([]);
    expect(await t.app.db.selectFrom('user_tokens').selectAll().where('user_id', '=', member.id).execute()).toEqual([]);
  });

  it('refuses bad input to the link routes', async () => {
    expect((await post('/auth/password-reset', { email: 'not an email' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/tokens/short' })).statusCode).toBe(400);
    expect((await post('/auth/password', { token: 'x'.repeat(43) })).statusCode).toBe(400);
    expect((await post('/auth/password', { token: 'x'.repeat(43), password: NEW_PASSWORD })).statusCode).toBe(404);
  });
});
