import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs } from '../support/auth.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

describe(`mail through a real SMTP server (${backend})`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const address = smtp.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends an invitation through SMTP_URL and the server receives it with a working link', async () => {
    expect(t.app.mailer.mode).toBe('smtp');
    const hr = await loginAs(t.app, 'hr');
    const leader = await createUser(t.app, { role: 'leader', email: 'lea@example.test', name: 'Lea' });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/users/${leader.id}/invite`, headers: hr.headers });
    expect(res.statusCode).toBe(202);
    expect(received).toHaveLength(1);
    const { envelopeTo, mail } = received[0]!;
    expect(envelopeTo).toEqual(['lea@example.test']);
    expect(mail.subject).toBe('You are invited to Pulse');
    const link = mail.text!.match(/https?:\/\/\S+/)![0];
    const token = new URL(link).searchParams.get('token')!;
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
    expect(info.json()).toEqual({ purpose: 'invite', email: 'lea@example.test', name: 'Lea' });
    // Nothing is written to the outbox in SMTP mode.
    const admin = await loginAs(t.app, 'admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: admin.headers })).json()).toEqual({
      mode: 'smtp',
      messages: [],
      total: 0,
    });
  });
});
