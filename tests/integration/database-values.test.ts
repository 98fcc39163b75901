import { claimAndStoreResponse } from '@pulse/server/features/pulse/pulse.repository';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestApp, type TestApp } from '../support/test-app.js';

describe(`values at the repository boundary (${backend})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('returns int8 counts and numeric values as numbers, not strings', async () => {
    const row = (
      await sql<{ n: unknown; avg: unknown; big: unknown }>`
        select count(*) as n, avg(x)::numeric(6,2) as avg, 9007199254740991::int8 as big
        from (values (1), (2), (4)) as v(x)`.execute(t.app.db)
    ).rows[0]!;
    expect(row).toEqual({ n: 3, avg: 2.33, big: 9007199254740991 });
  });

  it('returns timestamps as Date objects', async () => {
    const row = (await sql<{ at: unknown }>`select timestamptz '2026-01-02T03:04:05Z' as at`.execute(t.app.db)).rows[0]!;
    expect(row.at).toEqual(new Date('2026-01-02T03:04:05Z'));
  });

  it('keeps transactions atomic: a failing transaction leaves nothing behind', async () => {
    await expect(
      t.app.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: 'probe', value: JSON.stringify(1) })
          .execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await t.app.db.selectFrom('settings').selectAll().where('key', '=', 'probe').execute();
    expect(rows).toEqual([]);
  });

  it('refuses to edit the audit log, even for the application', async () => {
    await t.app.db.insertInto('audit_log').values({ action: 'probe' }).execute();
    await expect(t.app.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.app.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  // Planning the claim on every answer cost more than running it (docs/benchmarks.md).
  it.skipIf(backend !== 'postgres')('prepares the answering claim once per PostgreSQL connection and reuses it', async () => {
    await t.app.db.connection().execute(async (connection) => {
      const prepared = async () =>
        (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(connection)).rows.map((r) => r.name);
      expect(await claimAndStoreResponse(connection, 'no such token', 1, '{}', { comment: null, conversationHash: null }, new Date())).toBe(
        false,
      );
      expect(await prepared()).toEqual(['claim_pulse_response']);
      expect(
        await claimAndStoreResponse(connection, 'no such token either', 1, '{}', { comment: null, conversationHash: null }, new Date()),
      ).toBe(false);
      expect(await prepared()).toEqual(['claim_pulse_response']);
    });
  });

  it.skipIf(backend !== 'postgres')(
    'sends the claim unnamed with DATABASE_NAMED_STATEMENTS=off, for PgBouncer without prepared statements',
    async () => {
      const unnamed = await createTestApp({ DATABASE_NAMED_STATEMENTS: 'off' });
      try {
        await unnamed.app.db.connection().execute(async (connection) => {
          expect(
            await claimAndStoreResponse(connection, 'no such token', 1, '{}', { comment: null, conversationHash: null }, new Date()),
          ).toBe(false);
          expect((await sql`select name from pg_prepared_statements`.execute(connection)).rows).toEqual([]);
        });
      } finally {
        await unnamed.close();
      }
    },
  );
});
