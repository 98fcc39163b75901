import { describe, expect, it } from 'vitest';
import { createUser, latestPasswordToken, loginAs, type Session, withSignedInApp } from '../support/auth.js';
import { backend, type TestApp } from '../support/test-app.js';

describe(`outbox in embedded mail mode (${backend})`, () => {
  let t: TestApp;
  let admin: Session;
  withSignedInApp('admin', (app, session) => ((t = app), (admin = session)));

  const get = (url: string, session = admin) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });

  it('is empty before any mail, then lists messages newest first and shows their links, credential links hidden', async () => {
    expect((await get('/outbox')).json()).toEqual({ mode: 'outbox', messages: [], total: 0 });
    const leader = await createUser(t.app, { role: 'leader', email: 'lea@example.test', name: 'Lea Lind' });
    await t.app.inject({ method: 'POST', url: `/api/v1/users/${leader.id}/invite`, headers: admin.headers });
    await t.app.mailer.send({ to: 'second@example.test', subject: 'Second', text: 'Hello' });

    const list = (await get('/outbox')).json();
    expect(list.total).toBe(2);
    expect(list.messages.map((m: { to: string; subject: string }) => [m.to, m.subject])).toEqual([
      ['second@example.test', 'Second'],
      ['lea@example.test', 'You are invited to Pulse'],
    ]);
    const invite = await get(`/outbox/${list.messages[1].id}`);
    expect(invite.statusCode).toBe(200);
    const body = invite.json();
    expect(body.text).toContain('Hello Lea Lind');
    // The invitation link would set Lea's password: an admin could take the account over.
    const token = await latestPasswordToken(t.app, 'lea@example.test');
    expect(JSON.stringify(body)).not.toContain(token);
    expect(body.text).toContain('[password link hidden]');
    expect(body.links).toEqual([`${t.config.publicUrl}/login`]);
    expect(body.from).toContain('pulse@');
  });

  it('refuses ids that are not outbox messages, with no way out of the folder', async () => {
    expect((await get('/outbox/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(400);
    expect((await get('/outbox/..%2Fsecret.eml')).statusCode).toBe(400);
    expect((await get('/outbox/nothing-here.eml')).statusCode).toBe(404);
  });

  it('never shows a personal pulse link, not even to an admin', async () => {
    const token = 'A'.repeat(43);
    await t.app.mailer.send({ to: 'member@example.test', subject: 'Your pulse', text: `Answer here: ${t.config.publicUrl}/p/${token}\n` });
    const list = (await get('/outbox')).json();
    const mail = list.messages.find((m: { subject: string }) => m.subject === 'Your pulse');
    const body = (await get(`/outbox/${mail.id}`)).json();
    expect(JSON.stringify(body)).not.toContain(token);
    expect(body.text).toContain('[personal pulse link hidden]');
    expect(body.links).toEqual([]);
  });

  it('is for admins only', async () => {
    expect((await get('/outbox', await loginAs(t.app, 'hr'))).statusCode).toBe(403);
  });
});
