import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOnPool, migrateToLatest, PGliteDialect, poolOptions } from '@pulse/db';
import { backend } from '../support/test-app.js';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null };

async function describeSchema(db: Kysely<unknown>) {
  const columns = await sql<Column>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`.execute(db);
  const constraints = await sql<{ table_name: string; constraint_type: string; n: number }>`
    select table_name, constraint_type, count(*)::int as n
    from information_schema.table_constraints where table_schema = 'public'
    group by table_name, constraint_type order by table_name, constraint_type`.execute(db);
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(db);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

// One comparison is enough: it runs in the PostgreSQL project, against a fresh PGlite too.
describe.skipIf(backend !== 'postgres')('the migrations give PGlite and PostgreSQL the same schema', () => {
  let server: PostgresServer;
  let postgres: Kysely<unknown>;
  let pglite: PGlite;
  let embedded: Kysely<unknown>;

  beforeAll(async () => {
    server = await startPostgres();
    postgres = kyselyOnPool(new pg.Pool(poolOptions(server.url))) as unknown as Kysely<unknown>;
    pglite = await PGlite.create();
    embedded = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(postgres);
    await migrateToLatest(embedded);
  }, 60_000);
  afterAll(async () => {
    await postgres?.destroy();
    await embedded?.destroy();
    server?.destroy();
  });

  it('has identical tables, columns, types, defaults, constraints and indexes', async () => {
    const [a, b] = await Promise.all([describeSchema(postgres), describeSchema(embedded)]);
    expect(a.columns.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
  });

  it('runs on PostgreSQL 15 locally and on PGlite newer major', async () => {
    const version = async (db: Kysely<unknown>) =>
      Math.floor((await sql<{ v: number }>`select current_setting('server_version_num')::int as v`.execute(db)).rows[0]!.v / 10_000);
    expect(await version(postgres)).toBeGreaterThanOrEqual(15);
    expect(await version(embedded)).toBeGreaterThanOrEqual(await version(postgres));
  });
});
