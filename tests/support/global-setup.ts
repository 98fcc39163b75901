import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { kyselyOnPool, migrateToLatest, openEmbeddedDatabase, PGliteDialect, poolOptions } from '@pulse/db';
import { databaseUrl, startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a tarball of a freshly migrated data directory. */
    pgliteTemplate: string;
    /** PostgreSQL: superuser URL of the throwaway server; `pulse_template` is migrated. */
    postgresUrl: string;
  }
}

export const TEMPLATE_DATABASE = 'pulse_template';

/** Migrates once per run; each test file then copies the result (see test-app.ts). */
export default async function setup(project: TestProject) {
  const backend = project.config.env?.TEST_DB;
  if (backend === 'pglite') return setupPglite(project);
  if (backend === 'postgres') return setupPostgres(project);
  throw new Error(`Unknown TEST_DB ${String(backend)}`);
}

async function setupPglite(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pulse-pglite-template-'));
  const embedded = await openEmbeddedDatabase(dir);
  const db = new Kysely<unknown>({ dialect: new PGliteDialect(embedded.pglite) });
  await migrateToLatest(db);
  const dump = await embedded.pglite.dumpDataDir('none');
  await embedded.close();
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? undefined : await startPostgres();
  const url = external ?? server!.url;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const pool = new pg.Pool(poolOptions(databaseUrl(url, TEMPLATE_DATABASE)));
  await migrateToLatest(kyselyOnPool(pool));
  await pool.end();
  project.provide('postgresUrl', url);
  return () => server?.destroy();
}
