import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, loginAs, type Session } from '../support/auth.js';
import { clearOutbox, fullAnswers, openWindow, readOutbox, seedTeams, type SeededTeam } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Anonymous conversations on comments: the author keeps a private link made at submission,
 * leaders in scope and HR reply on visible comments, and nothing stored links a conversation to
 * a member or an invitation.
 */
describe(`anonymous conversations on comments (${backend})`, () => {
  let t: TestApp;
  let hr: Session;
  let legalLeader: Session;
  let tinyLeader: Session;
  let legal: SeededTeam;
  let tiny: SeededTeam;
  let small: SeededTeam;
  let smallLeader: Session;
  let cycleId: string;
  const tokens = new Map<string, string>();
  /** The conversation token handed back with Legal's comment, and Tiny's. */
  let legalConversation: string;
  let tinyConversation: string;

  const answer = (email: string, comment?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/pulse/${tokens.get(email)}`,
      payload: { answers: fullAnswers(3), ...(comment !== undefined ? { comment } : {}) },
    });
  const conversation = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/conversations/${token}` });
  const answerBack = (token: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/conversations/${token}`, payload: { body } });
  const reply = (who: Session, id: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/replies`, headers: who.headers, payload: { body } });
  const comments = async (who: Session, teamId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/teams/${teamId}/comments`, headers: who.headers })).json();
  const messageCount = async () =>
    (
      await t.app.db
        .selectFrom('conversation_messages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await loginAs(t.app, 'hr');
    const seeded = await seedTeams(t.app, { Legal: 6, Tiny: 3, Small: 2 });
    legal = seeded[0]!;
    tiny = seeded[1]!;
    small = seeded[2]!;
    // Small (2 people) sits under Legal: its own cell is hidden, its comments show in Legal's.
    await t.app.db.updateTable('teams').set({ parent_id: legal.id }).where('id', '=', small.id).execute();
    const leadLegal = await createUser(t.app, { role: 'leader', email: 'lead.legal@example.test' });
    const leadTiny = await createUser(t.app, { role: 'leader', email: 'lead.tiny@example.test' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${legal.id}`, headers: hr.headers, payload: { leaderIds: [leadLegal.id] } });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${tiny.id}`, headers: hr.headers, payload: { leaderIds: [leadTiny.id] } });
    const leadSmall = await createUser(t.app, { role: 'leader', email: 'lead.small@example.test' });
    await t.app.db.insertInto('team_leaders').values({ team_id: small.id, user_id: leadSmall.id }).execute();
    smallLeader = await loginAs(t.app, leadSmall);
    legalLeader = await loginAs(t.app, leadLegal);
    tinyLeader = await loginAs(t.app, leadTiny);
    await clearOutbox(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'October', ...openWindow() },
    });
    expect(res.statusCode).toBe(201);
    cycleId = res.json().cycle.id;
    for (const mail of await readOutbox(t.app)) if (mail.token) tokens.set(mail.to, mail.token);
  });
  afterAll(() => t.close());

  it('hands a conversation token back once with a comment, and none without one', async () => {
    const plain = await answer(legal.members[0]!.email);
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toEqual({ status: 'received' });
    const blank = await answer(legal.members[1]!.email, '   ');
    expect(blank.json()).toEqual({ status: 'received' });
    const commented = await answer(legal.members[2]!.email, 'Too many meetings');
    expect(commented.statusCode).toBe(201);
    legalConversation = commented.json().conversation.token;
    expect(legalConversation).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (let i = 3; i < 6; i++) expect((await answer(legal.members[i]!.email)).statusCode).toBe(201);
    tinyConversation = (await answer(tiny.members[0]!.email, 'tiny team secret')).json().conversation.token;
    expect((await answer(small.members[0]!.email, 'A word from a small team')).statusCode).toBe(201);
    expect((await answer(small.members[1]!.email)).statusCode).toBe(201);
    // The token itself is stored nowhere: only its hash, on the response.
    const stored = await t.app.db
      .selectFrom('responses')
      .select(['conversation_hash'])
      .where('conversation_hash', 'is not', null)
      .execute();
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(stored)).not.toContain(legalConversation);
    // Closing publishes Legal (6 of 6) and hides Tiny (1 of 3).
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cycles/${cycleId}/close`, headers: hr.headers })).statusCode).toBe(200);
  });

  it('shows the author the comment with an empty conversation; an unknown token is 404 in the shared shape', async () => {
    expect((await conversation(legalConversation)).json()).toEqual({ comment: 'Too many meetings', messages: [] });
    const unknown = await conversation('x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await answerBack('x'.repeat(43), 'hello')).statusCode).toBe(404);
  });

  it('lets the leader reply on a visible comment, mails the leaders and never the author, and lets the author answer back', async () => {
    const listed = await comments(legalLeader, legal.id);
    expect(listed.comments).toEqual([
      { id: expect.any(String), text: 'A word from a small team', replies: [] },
      { id: expect.any(String), text: 'Too many meetings', replies: [] },
    ]);
    const id = listed.comments[1].id as string;
    // The id is nobody else's: not the response's, nor any invitation's or member's.
    const ids = await sql<{
      id: string;
    }>`select id::text from responses union all select id::text from invitations union all select id::text from users`.execute(t.app.db);
    expect(ids.rows.map((r) => r.id)).not.toContain(id);

    await clearOutbox(t.app);
    const sent = await reply(legalLeader, id, '  Thanks — which ones could go?  ');
    expect(sent.statusCode).toBe(201);
    expect(sent.json().message).toEqual({
      from: 'leader',
      body: 'Thanks — which ones could go?',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const mails = await readOutbox(t.app);
    expect(mails.map((m) => m.to)).toEqual(['lead.legal@example.test']);
    expect((await answerBack(legalConversation, 'The Monday status call')).statusCode).toBe(201);
    expect((await reply(hr, id, 'HR here: we will look at it too')).json().message.from).toBe('hr');

    const read = (await conversation(legalConversation)).json();
    expect(read.comment).toBe('Too many meetings');
    expect(read.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['leader', 'Thanks — which ones could go?'],
      ['author', 'The Monday status call'],
      ['hr', 'HR here: we will look at it too'],
    ]);
    expect(read.messages.every((m: { at: string }) => /^\d{4}-\d{2}-\d{2}$/.test(m.at))).toBe(true);
    expect((await comments(hr, legal.id)).comments[1].replies).toEqual(read.messages);
    // Every mail went to the team's leader; none to any member.
    const recipients = new Set((await readOutbox(t.app)).map((m) => m.to));
    expect([...recipients]).toEqual(['lead.legal@example.test']);
  });

  it("refuses a reply to a comment of a hidden cell (409), and one out of a leader's scope (404), changing nothing", async () => {
    const tinyId = (
      await t.app.db
        .selectFrom('responses')
        .select('comment_id')
        .where('team_id', '=', tiny.id)
        .where('comment', 'is not', null)
        .executeTakeFirstOrThrow()
    ).comment_id;
    const before = await messageCount();
    await clearOutbox(t.app);
    const hidden = await reply(tinyLeader, tinyId, 'Who wrote this?');
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await reply(hr, tinyId, 'Who wrote this?')).statusCode).toBe(409);
    const legalId = (await comments(hr, legal.id)).comments[1].id as string;
    expect((await reply(tinyLeader, legalId, 'Not my team')).statusCode).toBe(404);
    expect(await messageCount()).toBe(before);
    expect(await readOutbox(t.app)).toEqual([]);
    // The hidden comment's author still reads their own comment, with no reply.
    expect((await conversation(tinyConversation)).json()).toEqual({ comment: 'tiny team secret', messages: [] });
  });

  it("judges a sub-team's comment by the cell that shows it: Legal's leader replies, Legal's leaders are mailed, the hidden sub-team's are not", async () => {
    const smallComment = (await comments(legalLeader, legal.id)).comments[0];
    expect(smallComment.text).toBe('A word from a small team');
    await clearOutbox(t.app);
    expect((await reply(legalLeader, smallComment.id, 'Thanks, noted.')).statusCode).toBe(201);
    expect((await readOutbox(t.app)).map((m) => m.to)).toEqual(['lead.legal@example.test']);
    // The small team's own leader sees no comments there, and cannot reply through Legal's cell.
    expect((await comments(smallLeader, small.id)).comments).toBeNull();
    expect((await reply(smallLeader, smallComment.id, 'Was it one of us?')).statusCode).toBe(404);
  });

  it('answers 400 for bad input, changing nothing', async () => {
    const id = (await comments(hr, legal.id)).comments[1].id as string;
    const before = await messageCount();
    for (const body of ['', '   ', 'x'.repeat(2001), 42, undefined]) {
      const r = await reply(hr, id, body);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ error: { code: 'invalid_request' } });
      expect((await answerBack(legalConversation, body)).statusCode).toBe(400);
    }
    expect((await reply(hr, 'not-a-uuid', 'hi')).statusCode).toBe(400);
    expect((await reply(hr, '00000000-0000-4000-8000-000000000000', 'hi')).statusCode).toBe(404);
    expect(await messageCount()).toBe(before);
  });

  it('stores no column that links a conversation to a member or an invitation', async () => {
    // Every table's columns: only `responses` holds the conversation hash and comment id, and it
    // holds nothing of the invitation or member; messages hold only the comment id.
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(
      t.app.db,
    );
    const byTable = new Map<string, string[]>();
    for (const c of columns.rows) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
    const conversational = [...byTable]
      .filter(([, cols]) => cols.some((c) => /conversation|comment_id/.test(c)))
      .map(([name]) => name)
      .sort();
    expect(conversational).toEqual(['conversation_messages', 'responses']);
    expect(byTable.get('responses')).toEqual([
      'id',
      'cycle_id',
      'team_id',
      'questionnaire_version',
      'answers',
      'comment',
      'comment_id',
      'conversation_hash',
    ]);
    expect(byTable.get('conversation_messages')).toEqual(['id', 'comment_id', 'sender', 'body', 'sent_on']);
    // And no stored value anywhere equals a comment id or conversation hash outside those two tables.
    const secrets = (await t.app.db.selectFrom('responses').select(['comment_id', 'conversation_hash']).execute())
      .flatMap((r) => [r.comment_id, r.conversation_hash])
      .filter(Boolean) as string[];
    for (const [table] of byTable) {
      if (table === 'responses' || table === 'conversation_messages') continue;
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.app.db);
      const dump = JSON.stringify(rows.rows);
      for (const secret of secrets) expect(dump, table).not.toContain(secret);
    }
  });
});
