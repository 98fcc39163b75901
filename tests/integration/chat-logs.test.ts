import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { loginAs } from '../support/auth.js';
import { FakeChat } from '../support/fake-chat.js';
import { openWindow, seedTeams } from '../support/pulse.js';
import { backend, freshDatabase } from '../support/test-app.js';

/** Bot tokens, Teams workflow URLs and the key that seals them never reach a log, at any level. */
describe(`no chat credential in any log (${backend})`, { timeout: 120_000 }, () => {
  it('logs neither bot token, workflow URL nor PULSE_SECRET_KEY while connecting, delivering and failing', async () => {
    const chat = new FakeChat();
    await chat.start();
    const key = randomBytes(32).toString('base64');
    const lines: string[] = [];
    const database = await freshDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      ...database.env,
      PULSE_SECRET_KEY: key,
      SLACK_API_URL: `${chat.url}/api/`,
    });
    const app = await buildApp(config, { logStream: { write: (line: string) => void lines.push(line) } });
    await app.ready();
    const webhook = `${chat.url}/teams/sig-${randomBytes(8).toString('hex')}`;
    try {
      const [team] = await seedTeams(app, { Ops: 2 });
      chat.users.set(team!.members[0]!.email, 'U1');
      const admin = await loginAs(app, 'admin');
      const connect = (botToken: string) =>
        app.inject({ method: 'PUT', url: '/api/v1/integrations/slack', headers: admin.headers, payload: { botToken } });
      expect((await connect('xoxb-fake-wrong-0123456789')).statusCode).toBe(502);
      expect((await connect(chat.validToken)).statusCode).toBe(200);
      const put = await app.inject({
        method: 'PUT',
        url: `/api/v1/integrations/teams/${team!.id}`,
        headers: admin.headers,
        payload: { webhookUrl: webhook },
      });
      expect(put.statusCode).toBe(200);
      // Slack then revokes the token: the invitations fall back to mail, with a warning.
      chat.revoked = true;
      const hr = await loginAs(app, 'hr');
      expect(
        (await app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label: 'Logs', ...openWindow() } }))
          .statusCode,
      ).toBe(201);
      expect(lines.join('\n')).toMatch(/Slack did not deliver/);
    } finally {
      await app.close();
      await database.drop();
      await chat.stop();
    }
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [chat.validToken, 'xoxb-fake-wrong-0123456789', webhook, webhook.split('/teams/')[1]!, key])
      expect(log).not.toContain(secret);
  });
});
