import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '@pulse/server';
import { loadConfig, type Config } from '@pulse/server/config';
import { databaseUrl } from './postgres-server.js';
import { TEMPLATE_DATABASE } from './global-setup.js';

export type Backend = 'pglite' | 'postgres';
export const backend = (process.env.TEST_DB ?? 'pglite') as Backend;

export interface TestApp {
  app: App;
  config: Readonly<Config>;
  /** Empties every table, keeping the schema. */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-test-'));
  const env = { DATA_DIR: dataDir };
  if (backend === 'pglite') {
    const tarball = readFileSync(inject('pgliteTemplate'));
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([tarball]) });
    await pglite.close();
    return { env, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  return {
    env: { ...env, DATABASE_URL: databaseUrl(serverUrl, name) },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Builds the real app on a fresh database of the current back end (TEST_DB). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...database.env, ...env });
  const app = await buildApp(config);
  await app.ready();
  return {
    app,
    config,
    async truncate() {
      const tables = await sql<{ tablename: string }>`
        select tablename from pg_tables
        where schemaname = 'public' and tablename not like 'kysely_migration%' and tablename <> 'questionnaire_versions'`.execute(app.db);
      const names = tables.rows.map((t) => `"${t.tablename}"`).join(', ');
      if (names) await sql.raw(`truncate table ${names} restart identity cascade`).execute(app.db);
      // Questionnaire versions are never deleted (a cached one must never change meaning): the
      // instrument goes back to its default, version 2 of the migration (eNPS on, no questions).
      await sql`
        insert into questionnaire_versions (version, core_version, enps, custom_items)
        select (select max(version) + 1 from questionnaire_versions), core_version, enps, custom_items
        from questionnaire_versions where version = 2`.execute(app.db);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
