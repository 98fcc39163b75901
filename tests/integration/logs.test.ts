import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { latestPasswordToken, loginAs, sessionCookieFrom } from '../support/auth.js';
import { fullAnswers, openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, freshDatabase } from '../support/test-app.js';

const INVITED_PASSWORD = 'invited leader password 1';
const RESET_PASSWORD = 'reset leader password 22';
const WRONG_PASSWORD = 'a wrong password tried 333';

/**
 * No log line at any level holds a credential: a whole flow (invite, reset, answer, sign in)
 * runs at trace level and the log is searched for every secret the flow issued.
 */
describe(`no credential in any log (${backend})`, { timeout: 120_000 }, () => {
  it('logs no pulse token, password link token, session id or password at trace level', async () => {
    const lines: string[] = [];
    const database = await freshDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', ...database.env });
    const app = await buildApp(config, { logStream: { write: (line: string) => void lines.push(line) } });
    await app.ready();
    const secrets: string[] = [];
    const origin = config.publicUrl;
    try {
      const hr = await loginAs(app, 'hr');
      secrets.push(hr.cookie.split('=')[1]!);

      // Invitation: HR invites a leader, who opens the link and chooses a password.
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: hr.headers,
        payload: { email: 'lea@example.test', name: 'Lea', role: 'leader' },
      });
      expect(created.statusCode).toBe(201);
      const invite = await latestPasswordToken(app, 'lea@example.test');
      secrets.push(invite);
      const page = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      await page(`/set-password?token=${invite}`);
      expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${invite}` })).statusCode).toBe(200);
      const chosen = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { origin },
        payload: { token: invite, password: INVITED_PASSWORD },
      });
      expect(chosen.statusCode).toBe(200);
      secrets.push(INVITED_PASSWORD, sessionCookieFrom(chosen.headers['set-cookie'])!.split('=')[1]!);

      // Reset: the leader forgets it and sets another.
      await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: { origin }, payload: { email: 'lea@example.test' } });
      const reset = await latestPasswordToken(app, 'lea@example.test', invite);
      secrets.push(reset);
      await page(`/set-password?token=${reset}`);
      await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${reset}` });
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { origin },
        payload: { token: reset, password: RESET_PASSWORD },
      });
      expect(again.statusCode).toBe(200);
      secrets.push(RESET_PASSWORD, sessionCookieFrom(again.headers['set-cookie'])!.split('=')[1]!);
      // A used link, tried again, and a malformed body carrying a password.
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { origin },
        payload: { token: reset, password: RESET_PASSWORD },
      });
      await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { origin }, payload: { token: reset, password: 42 } });

      // Sign in: once wrong, once right, then use and end the session.
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin },
        payload: { email: 'lea@example.test', password: WRONG_PASSWORD },
      });
      secrets.push(WRONG_PASSWORD);
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin },
        payload: { email: 'lea@example.test', password: RESET_PASSWORD },
      });
      expect(signedIn.statusCode).toBe(200);
      const session = sessionCookieFrom(signedIn.headers['set-cookie'])!;
      secrets.push(session.split('=')[1]!);
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } });
      await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session, origin } });

      // Answer: a member opens the pulse page from the link and answers.
      await seedTeams(app, { Platform: 1 });
      const opened = await app.inject({
        method: 'POST',
        url: '/api/v1/cycles',
        headers: hr.headers,
        payload: { label: 'Logs', ...openWindow() },
      });
      expect(opened.statusCode).toBe(201);
      const pulse = (await readOutbox(app)).find((m) => m.token)!.token!;
      secrets.push(pulse);
      await page(`/p/${pulse}`);
      await page(`/p/${pulse}?utm=mail`);
      expect((await app.inject({ method: 'GET', url: `/api/v1/pulse/${pulse}` })).statusCode).toBe(200);
      const answered = await app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${pulse}`,
        payload: { answers: fullAnswers(), comment: 'A word' },
      });
      expect(answered.statusCode).toBe(201);
      // The comment's private conversation: its page and API.
      const conversation = answered.json().conversation.token as string;
      secrets.push(conversation);
      await page(`/c/${conversation}`);
      expect((await app.inject({ method: 'GET', url: `/api/v1/conversations/${conversation}` })).statusCode).toBe(200);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/conversations/${conversation}`, payload: { body: 'Back' } })).statusCode,
      ).toBe(201);
      await app.inject({ method: 'POST', url: `/api/v1/pulse/${pulse}`, payload: { answers: fullAnswers() } });
      // The same link's results page.
      expect((await app.inject({ method: 'GET', url: `/api/v1/pulse/${pulse}/results` })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }

    const log = lines.join('');
    // The log was really written at trace level, requests included.
    expect(app.log.level).toBe('trace');
    expect(log).toContain('incoming request');
    expect(log).toContain('"url":"/p/[token]"');
    expect(log).toContain('/auth/tokens/[token]');
    expect(log).toContain('/api/v1/pulse/[token]/results');
    expect(log).toContain('"url":"/c/[token]"');
    expect(log).toContain('/api/v1/conversations/[token]');
    for (const secret of secrets) {
      expect(log, `a secret in the log: ${secret}`).not.toContain(secret);
      // Nor its percent-encoded form, nor the hash the database keeps of a token.
      expect(log).not.toContain(encodeURIComponent(secret));
      expect(log).not.toContain(createHash('sha256').update(secret).digest('hex'));
    }
    // Who opened a pulse page is not logged either.
    expect(lines.filter((l) => /\/(p|c|pulse|conversations)\//.test(l)).join('')).not.toContain('remoteAddress');
  });
});
