import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverInvitations, sendReminders } from '@pulse/server/features/cycles/invitations.service';
import { deliverDigests } from '@pulse/server/features/digests/digests.service';
import { loginAs, type Session } from '../support/auth.js';
import { FakeChat, type Block } from '../support/fake-chat.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type SeededMember, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

const PULSE_LINK = /\/p\/[A-Za-z0-9_-]{43}/;
const buttonUrl = (blocks: Block[]) => blocks.flatMap((b) => b.elements ?? []).find((e) => e.type === 'button')?.url;

describe(`pulses, reminders and digests through Slack, with mail as the fallback (${backend})`, () => {
  const chat = new FakeChat();
  let t: TestApp;
  let admin: Session;
  let team: SeededTeam;
  let members: SeededMember[];

  const connect = (botToken: unknown, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/integrations/slack', headers, payload: { botToken } });
  const overview = () => t.app.inject({ method: 'GET', url: '/api/v1/integrations', headers: admin.headers });
  const ctx = () => ({ db: t.app.db, mailer: t.app.mailer, publicUrl: t.config.publicUrl, log: t.app.log, chat: t.config });
  async function openCycle(label = 'December') {
    const hr = await loginAs(t.app, 'hr');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cycles', headers: hr.headers, payload: { label, ...openWindow() } });
    expect(res.statusCode).toBe(201);
    return res.json().cycle.id as string;
  }

  beforeAll(async () => {
    await chat.start();
    t = await createTestApp({ PULSE_SECRET_KEY: randomBytes(32).toString('base64'), SLACK_API_URL: `${chat.url}/api/` });
  });
  afterAll(async () => {
    await t.close();
    await chat.stop();
  });
  beforeEach(async () => {
    await t.truncate();
    await clearOutbox(t.app);
    chat.reset();
    admin = await loginAs(t.app, 'admin');
    team = (await seedTeams(t.app, { Platform: 4 }))[0]!;
    members = team!.members;
    // Three of the four are in the workspace; the last is not.
    chat.users = new Map(members.slice(0, 3).map((m, i) => [m.email, `U${i + 1}`]));
    chat.users.set(admin.user.email, 'UADMIN');
  });

  it('connects only with a token Slack accepts, stores it encrypted and never shows it again', async () => {
    for (const bad of [undefined, '', 'not-a-token', 'xoxp-user-token-123456', 'xoxb-' + 'a'.repeat(300)]) {
      const res = await connect(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    const refused = await connect('xoxb-fake-wrong-0123456789');
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toMatch(/refused the token/);
    expect((await overview()).json().slack).toEqual({ status: 'disconnected', workspace: null, connectedAt: null });
    expect(chat.calls.map((c) => c.method)).not.toContain('chat.postMessage');

    const ok = await connect(chat.validToken);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ workspace: 'Acme Workspace' });
    const stored = await t.app.db.selectFrom('chat_integrations').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_ciphertext).not.toContain('fake-good');
    const page = await overview();
    expect(page.json().slack).toMatchObject({ status: 'connected', workspace: 'Acme Workspace' });
    expect(page.body).not.toContain(chat.validToken);
    const audit = await t.app.db.selectFrom('audit_log').select('details').where('action', 'like', 'integrations.%').execute();
    expect(JSON.stringify(audit)).not.toContain('fake-good');

    // Disconnecting stops Slack; a second disconnect finds nothing.
    const gone = await t.app.inject({ method: 'DELETE', url: '/api/v1/integrations/slack', headers: admin.headers });
    expect(gone.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/integrations/slack', headers: admin.headers })).statusCode).toBe(404);
    expect(await t.app.db.selectFrom('chat_integrations').selectAll().execute()).toEqual([]);
  });

  it('sends each member in Slack one direct message with their own link, mails the one who is not, and never twice', async () => {
    await connect(chat.validToken);
    await openCycle();
    const posts = chat.posts();
    expect(posts.map((p) => p.user).sort()).toEqual(['U1', 'U2', 'U3']);
    for (const post of posts) {
      // The personal link only behind the button, in the member's own DM; never in the notification text.
      expect(post.channel).toBe(`D${post.user}`);
      expect(buttonUrl(post.blocks)).toMatch(PULSE_LINK);
      expect(post.text).not.toMatch(PULSE_LINK);
      expect(post.text).toContain('December');
    }
    expect(new Set(posts.map((p) => buttonUrl(p.blocks))).size).toBe(3);
    expect((await readOutbox(t.app)).map((m) => m.to)).toEqual([members[3]!.email]);

    // The link in the DM opens that member's pulse and takes their answer.
    const token = buttonUrl(posts[0]!.blocks)!.split('/p/')[1]!;
    const answered = await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}`, payload: { answers: fullAnswers(4) } });
    expect(answered.statusCode).toBe(201);

    // Another pass (scheduler, second instance) sends nothing more, on any channel.
    expect(await deliverInvitations(ctx(), new Date())).toBe(0);
    expect(chat.posts()).toHaveLength(3);
    expect(await readOutbox(t.app)).toHaveLength(1);

    const counts = (await overview()).json().deliveries;
    expect(counts).toEqual([
      { kind: 'invitation', channel: 'mail', fallbackReason: 'not_in_slack', count: 1 },
      { kind: 'invitation', channel: 'slack', fallbackReason: null, count: 3 },
    ]);
  });

  it('writes each member’s direct message in their own language, as their mail, and the reminder too', async () => {
    const setLanguage = (id: string, language: string) => t.app.db.updateTable('users').set({ language }).where('id', '=', id).execute();
    await setLanguage(members[0]!.id, 'de');
    await setLanguage(members[1]!.id, 'fr');
    await connect(chat.validToken);
    const cycleId = await openCycle();
    const to = (user: string) => chat.posts().find((p) => p.user === user)!;
    const words = (user: string) => JSON.stringify(to(user).blocks);
    const button = (user: string) =>
      to(user)
        .blocks.flatMap((b) => b.elements ?? [])
        .find((e) => e.type === 'button')?.text;

    expect(to('U1').text).toBe('Ihre Pulsbefragung December: zwei Minuten, anonym');
    expect(words('U1')).toContain(`Guten Tag ${members[0]!.name},`);
    expect(words('U1')).toMatch(/Die Pulsbefragung December für Ihr Team ist offen bis \w+, \d+\. \w+ \d{4} um \d\d:\d\d \(Zeitzone UTC\)/);
    expect(words('U1')).toContain('Bitte leiten Sie ihn nicht weiter.');
    expect(button('U1')).toMatchObject({ text: 'Zur Pulsbefragung' });
    expect(to('U2').text).toBe('Votre sondage December\u00a0: deux minutes, anonyme');
    expect(words('U2')).toContain(`Bonjour ${members[1]!.name},`);
    expect(button('U2')).toMatchObject({ text: 'Répondre au sondage' });
    // Nobody else's language leaks into a message: the third member has none of their own, so English.
    expect(to('U3').text).toBe('Your December pulse: two minutes, anonymous');
    expect(words('U3')).not.toMatch(/Guten Tag|Bonjour/);

    chat.reset();
    await t.app.db.updateTable('cycles').set({ remind_at: new Date() }).where('id', '=', cycleId).execute();
    expect(await sendReminders(ctx(), new Date(Date.now() + 1000))).toBe(4);
    expect(to('U1').text).toBe('Erinnerung: Die Pulsbefragung December endet bald');
    expect(words('U1')).toContain('Falls Sie in den letzten Minuten geantwortet haben');
    expect(to('U2').text).toBe('Rappel\u00a0: le sondage December se termine bientôt');
  });

  it('reminds only those who have not answered; a rate limit sends that reminder by mail and rests Slack', async () => {
    chat.users.set(members[3]!.email, 'U4');
    await connect(chat.validToken);
    const cycleId = await openCycle();
    const links = new Map(chat.posts().map((p) => [p.user, buttonUrl(p.blocks)!]));
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${links.get('U1')!.split('/p/')[1]}`,
      payload: { answers: fullAnswers(4) },
    });
    expect(answer.statusCode).toBe(201);
    chat.reset();
    await clearOutbox(t.app);
    await t.app.db.updateTable('cycles').set({ remind_at: new Date() }).where('id', '=', cycleId).execute();
    chat.rateLimit = 1; // Slack answers 429 with Retry-After: 30 to the first reminder.
    expect(await sendReminders(ctx(), new Date(Date.now() + 1000))).toBe(3);

    const posts = chat.posts();
    // U1 answered: nothing for them. The first reminder met the rate limit and went by mail,
    // and Slack then rested for its Retry-After, so the others went by mail too.
    const byMail = (await readOutbox(t.app)).map((m) => m.to).sort();
    expect(byMail).toEqual([members[1]!.email, members[2]!.email, members[3]!.email].sort());
    for (const mail of await readOutbox(t.app)) expect(mail.subject).toMatch(/Reminder/);
    // The page gives reminders as one total: split by channel or reason, it would tell who
    // among those who had not answered is in Slack (see the next test).
    const reminders = (await overview()).json().deliveries.filter((d: { kind: string }) => d.kind === 'reminder');
    expect(reminders).toEqual([{ kind: 'reminder', channel: null, fallbackReason: null, count: 3 }]);
    // Slack was asked once, answered 429, and was left alone for its Retry-After.
    expect(posts).toHaveLength(1);
    expect(posts[0]!.user).not.toBe('U1');
    // Counts only: the delivery page names nobody.
    const page = (await overview()).body;
    for (const m of members) expect(page).not.toContain(m.email);

    // And no one is reminded twice.
    expect(await sendReminders(ctx(), new Date(Date.now() + 60_000))).toBe(0);
  });

  it('does not let the delivery page tell whether the one member outside Slack had answered', async () => {
    // An admin knows member 4 is the only one not in Slack. Whether or not they answer, the
    // reminder figures on the page read the same when the same number had not answered.
    const pages: unknown[] = [];
    for (const outsiderAnswers of [true, false]) {
      await t.truncate();
      await clearOutbox(t.app);
      chat.reset();
      admin = await loginAs(t.app, 'admin');
      team = (await seedTeams(t.app, { Platform: 4 }))[0]!;
      members = team.members;
      chat.users = new Map(members.slice(0, 3).map((m, i) => [m.email, `U${i + 1}`]));
      await connect(chat.validToken);
      const cycleId = await openCycle();
      // Two answer: the outsider and member 1, or members 1 and 2.
      const answering = outsiderAnswers ? [members[0]!, members[3]!] : [members[0]!, members[1]!];
      const tokens = new Map(chat.posts().map((p) => [p.user, buttonUrl(p.blocks)!.split('/p/')[1]!]));
      const mailed = (await readOutbox(t.app)).find((m) => m.to === members[3]!.email)!.token!;
      for (const m of answering) {
        const token = m === members[3] ? mailed : tokens.get(chat.users.get(m.email))!;
        expect(
          (await t.app.inject({ method: 'POST', url: `/api/v1/pulse/${token}`, payload: { answers: fullAnswers(4) } })).statusCode,
        ).toBe(201);
      }
      await t.app.db.updateTable('cycles').set({ remind_at: new Date() }).where('id', '=', cycleId).execute();
      expect(await sendReminders(ctx(), new Date(Date.now() + 1000))).toBe(2);
      pages.push((await overview()).json().deliveries.filter((d: { kind: string }) => d.kind === 'reminder'));
    }
    expect(pages[0]).toEqual(pages[1]);
  });

  it('falls back to mail when Slack has revoked the token, and marks the connection for the admin', async () => {
    await connect(chat.validToken);
    chat.revoked = true;
    await openCycle();
    expect(chat.posts()).toEqual([]);
    expect((await readOutbox(t.app)).map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    const page = (await overview()).json();
    expect(page.slack.status).toBe('revoked');
    expect(page.deliveries).toEqual([{ kind: 'invitation', channel: 'mail', fallbackReason: 'token_revoked', count: 4 }]);
    // Once marked revoked, Slack is not even asked: the rest went straight to mail.
    expect(chat.calls.filter((c) => c.method === 'users.lookupByEmail')).toHaveLength(1);
  });

  it("sends a leader's digest as a direct message, and a team's part to its Teams workflow without personal links", async () => {
    await connect(chat.validToken);
    const leader = await loginAs(t.app, 'leader', { teamId: null });
    await t.app.db.insertInto('team_leaders').values({ team_id: team.id, user_id: leader.user.id }).execute();
    chat.users.set(leader.user.email, 'ULEAD');
    const webhook = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/integrations/teams/${team.id}`,
      headers: admin.headers,
      payload: { webhookUrl: `${chat.url}/teams/platform-leads` },
    });
    expect(webhook.statusCode).toBe(200);
    const cycleId = await openCycle('November');
    await t.app.db.updateTable('cycles').set({ status: 'closed', closed_at: new Date() }).where('id', '=', cycleId).execute();
    await t.app.db
      .insertInto('alerts')
      .values({
        episode_key: 'k1',
        team_id: team.id,
        kind: 'fortress',
        level: 'warning',
        started_cycle_id: cycleId,
        cycle_id: cycleId,
        summary: 'x',
        signals: '[]',
        actions: '[]',
        status: 'open',
      })
      .execute();
    await t.app.db
      .insertInto('alert_digests')
      .values({ cycle_id: cycleId, episode_keys: ['k1'] })
      .execute();
    chat.reset();
    await clearOutbox(t.app);

    // The leader (in Slack) by DM; HR, who opened the cycle and is not in Slack, by mail.
    expect(await deliverDigests(ctx(), new Date())).toBe(2);
    const [dm] = chat.posts();
    expect(chat.posts()).toHaveLength(1);
    expect(dm!.user).toBe('ULEAD');
    expect(dm!.text).toMatch(/1 alert new or escalated after the November pulse/);
    expect(JSON.stringify(dm!.blocks)).toContain(`/insights/teams/${team.id}|Team view>`);
    expect((await readOutbox(t.app)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Organisation digest/)]);

    const posted = chat.calls.filter((c) => c.method === 'teams');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.params.path).toBe('/teams/platform-leads');
    expect(JSON.stringify(posted[0]!.params)).toContain('Platform: fortress of no, warning');
    // A second pass posts nothing again.
    await t.app.db.updateTable('alert_digests').set({ sent_at: null }).execute();
    await deliverDigests(ctx(), new Date());
    expect(chat.calls.filter((c) => c.method === 'teams')).toHaveLength(1);
    expect(chat.posts()).toHaveLength(1);
  });

  it("writes a leader's digest in the leader's language, and the team's Teams post in the language its leaders share", async () => {
    await connect(chat.validToken);
    const leader = await loginAs(t.app, 'leader', { teamId: null });
    await t.app.db.updateTable('users').set({ language: 'de' }).where('id', '=', leader.user.id).execute();
    await t.app.db.insertInto('team_leaders').values({ team_id: team.id, user_id: leader.user.id }).execute();
    chat.users.set(leader.user.email, 'ULEAD');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/integrations/teams/${team.id}`,
      headers: admin.headers,
      payload: { webhookUrl: `${chat.url}/teams/platform-leads` },
    });
    const cycleId = await openCycle('November');
    await t.app.db.updateTable('cycles').set({ status: 'closed', closed_at: new Date() }).where('id', '=', cycleId).execute();
    await t.app.db
      .insertInto('alerts')
      .values({
        episode_key: 'k1',
        team_id: team.id,
        kind: 'fortress',
        level: 'warning',
        started_cycle_id: cycleId,
        cycle_id: cycleId,
        summary: 'x',
        signals: '[]',
        actions: '[]',
        status: 'open',
      })
      .execute();
    await t.app.db
      .insertInto('alert_digests')
      .values({ cycle_id: cycleId, episode_keys: ['k1'] })
      .execute();
    chat.reset();
    await clearOutbox(t.app);

    expect(await deliverDigests(ctx(), new Date())).toBe(2);
    const [dm] = chat.posts();
    expect(dm!.user).toBe('ULEAD');
    expect(dm!.text).toBe('Ihre Teams: 1 neue oder verschärfte Frühwarnung nach der Pulsbefragung November');
    const blocks = JSON.stringify(dm!.blocks);
    expect(blocks).toContain('Platform: Festung des Neins, Warnung.');
    expect(blocks).toContain(`/insights/teams/${team.id}|Teamansicht>`);
    expect(blocks).not.toMatch(/Team view|fortress of no/);
    // HR has no language of their own: English, by mail.
    expect((await readOutbox(t.app)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Organisation digest/)]);

    const [post] = chat.calls.filter((c) => c.method === 'teams');
    const card = JSON.stringify(post!.params);
    expect(card).toContain('Platform: neue oder verschärfte Frühwarnungen nach der Pulsbefragung November');
    expect(card).toContain('[Teamansicht](');
    expect(card).not.toContain('Team view');
  });

  it('never puts a personal link anywhere but the person’s own direct message, for every kind of message', async () => {
    await connect(chat.validToken);
    const leader = await loginAs(t.app, 'leader');
    await t.app.db.insertInto('team_leaders').values({ team_id: team.id, user_id: leader.user.id }).execute();
    chat.users.set(leader.user.email, 'ULEAD');
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/integrations/teams/${team.id}`,
      headers: admin.headers,
      payload: { webhookUrl: `${chat.url}/teams/x` },
    });
    const cycleId = await openCycle();
    await t.app.db.updateTable('cycles').set({ remind_at: new Date() }).where('id', '=', cycleId).execute();
    await sendReminders(ctx(), new Date(Date.now() + 1000));
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cycles/${cycleId}/close`,
      headers: (await loginAs(t.app, 'hr')).headers,
    });
    expect(close.statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/v1/integrations/slack/test', headers: admin.headers });

    const emailOf = new Map([...chat.users].map(([email, id]) => [id, email]));
    const kinds = new Set<string>();
    for (const post of chat.posts()) {
      const link = buttonUrl(post.blocks);
      if (link) kinds.add(post.text.startsWith('Reminder') ? 'reminder' : 'invitation');
      const everything = JSON.stringify(post);
      if (!PULSE_LINK.test(everything)) continue;
      // A message with a personal link went to a DM opened for one member of the cycle.
      expect(post.channel.startsWith('D')).toBe(true);
      expect(members.map((m) => m.email)).toContain(emailOf.get(post.user!));
      expect(everything.match(new RegExp(PULSE_LINK, 'g'))).toHaveLength(1);
    }
    expect([...kinds].sort()).toEqual(['invitation', 'reminder']);
    for (const call of chat.calls.filter((c) => c.method === 'teams')) expect(JSON.stringify(call.params)).not.toMatch(PULSE_LINK);
    // Nothing but chat.postMessage to a DM ever carried text: no other method got a link.
    for (const call of chat.calls.filter((c) => c.method !== 'chat.postMessage'))
      expect(JSON.stringify(call.params)).not.toMatch(PULSE_LINK);
  });

  it('sends the admin a test message, and says why when Slack cannot', async () => {
    const test = () => t.app.inject({ method: 'POST', url: '/api/v1/integrations/slack/test', headers: admin.headers });
    expect((await test()).statusCode).toBe(409);
    await connect(chat.validToken);
    expect((await test()).json()).toEqual({ delivered: true });
    expect(chat.posts().map((p) => p.user)).toEqual(['UADMIN']);
    chat.users.delete(admin.user.email);
    const missing = await test();
    expect(missing.statusCode).toBe(502);
    expect(missing.json().error.message).toMatch(/No Slack account/);
  });

  it('refuses a bad Teams workflow URL or unknown team, and changes nothing', async () => {
    const put = (teamId: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/integrations/teams/${teamId}`, headers: admin.headers, payload: payload as object });
    expect((await put(team.id, { webhookUrl: 'ftp://example.test/x' })).statusCode).toBe(400);
    expect((await put(team.id, {})).statusCode).toBe(400);
    expect((await put('not-a-uuid', { webhookUrl: 'https://example.test/x' })).statusCode).toBe(400);
    expect((await put('00000000-0000-4000-8000-000000000000', { webhookUrl: 'https://example.test/x' })).statusCode).toBe(404);
    expect(await t.app.db.selectFrom('team_chat_webhooks').selectAll().execute()).toEqual([]);
    expect((await put(team.id, { webhookUrl: 'https://example.test/secret-sig' })).statusCode).toBe(200);
    const page = (await overview()).body;
    expect(page).not.toContain('secret-sig');
    expect(JSON.parse(page).teamsWebhooks).toEqual([{ teamId: team.id, teamName: 'Platform' }]);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/integrations/teams/${team.id}`, headers: admin.headers })).statusCode,
    ).toBe(204);
  });
});
