import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blurAnswerTrail } from '@pulse/server/features/pulse/pulse.repository';
import { loginAs } from '../support/auth.js';
import { fullAnswers, openWindow, readOutbox, seedTeams } from '../support/pulse.js';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';
import { personalValues, referencedTables, tableColumns } from '../support/schema.js';

/**
 * The heart of trust: a stored response must not lead back to a member or a link, not through
 * its columns, its values, its id, nor the transaction id PostgreSQL keeps on every row.
 */
describe(`anonymous storage of responses (${backend})`, () => {
  let t: TestApp;
  let cycleId: string;
  let tokens: string[];
  beforeAll(async () => {
    t = await createTestApp();
    await seedTeams(t.app, { Platform: 4, Legal: 3 });
    const hr = await loginAs(t.app, 'hr');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cycles',
      headers: hr.headers,
      payload: { label: 'Anon', ...openWindow() },
    });
    cycleId = res.json().cycle.id;
    tokens = (await readOutbox(t.app)).map((m) => m.token!);
    for (const [i, token] of tokens.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/pulse/${token}`,
        payload: { answers: fullAnswers((i % 5) + 1), comment: `c${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it("has only the columns cycle, team, questionnaire version, answers, comment, its conversation's hash and random ids", async () => {
    expect(await tableColumns(t.app.db, 'responses')).toEqual([
      { column_name: 'answers', data_type: 'jsonb' },
      { column_name: 'comment', data_type: 'text' },
      { column_name: 'comment_id', data_type: 'uuid' },
      { column_name: 'conversation_hash', data_type: 'text' },
      { column_name: 'cycle_id', data_type: 'uuid' },
      { column_name: 'id', data_type: 'uuid' },
      { column_name: 'questionnaire_version', data_type: 'integer' },
      { column_name: 'team_id', data_type: 'uuid' },
    ]);
    // No column of any time type, no sequence behind the id.
    const defaults = await sql<{ column_default: string | null }>`
      select column_default from information_schema.columns
      where table_schema = 'public' and table_name = 'responses' and column_name = 'id'`.execute(t.app.db);
    expect(defaults.rows[0]!.column_default).toBe('gen_random_uuid()');
  });

  it('references only cycles, teams and the questionnaire version (shared by everyone), never users or invitations', async () => {
    expect(await referencedTables(t.app.db, 'responses')).toEqual(['cycles', 'questionnaire_versions', 'teams']);
  });

  it('holds no value that names a member, an invitation, a token or its hash', async () => {
    const rows = await t.app.db.selectFrom('responses').selectAll().where('cycle_id', '=', cycleId).execute();
    expect(rows).toHaveLength(7);
    const secrets = await personalValues(t.app.db, tokens);
    const stored = JSON.stringify(rows);
    for (const secret of secrets) expect(stored).not.toContain(secret);
    for (const row of rows) {
      // A version-4 uuid: random, so ids do not reveal the order of answers.
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Object.keys(row.answers).sort()).toEqual(Object.keys(fullAnswers()).sort());
    }
  });

  it('leaves no shared transaction id between a response and its invitation once the trail is blurred', async () => {
    const xmins = async () => {
      const r = await sql<{ x: string }>`select xmin::text as x from responses where cycle_id = ${cycleId}`.execute(t.app.db);
      const i = await sql<{ x: string }>`select xmin::text as x from invitations where cycle_id = ${cycleId} and answered`.execute(
        t.app.db,
      );
      return { responses: r.rows.map((row) => row.x), invitations: i.rows.map((row) => row.x) };
    };
    // Straight after answering, each response shares its transaction id with exactly one invitation.
    const before = await xmins();
    expect(new Set(before.responses).size).toBe(7);
    expect(before.responses.filter((x) => before.invitations.includes(x))).toHaveLength(7);

    await blurAnswerTrail(t.app.db, cycleId);
    const after = await xmins();
    expect(new Set([...after.responses, ...after.invitations]).size).toBe(1);
    expect(after.responses).toHaveLength(7);
  });
});
