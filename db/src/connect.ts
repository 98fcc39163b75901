import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { openEmbeddedDatabase } from './pglite-store.js';
import { namingPool } from './named-statements.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pgTypes } from './type-parsers.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** Options for a `pg` pool on the given URL; the server hands the same to `@fastify/postgres`. */
export function poolOptions(connectionString: string): pg.PoolConfig {
  return {
    connectionString,
    types: pgTypes,
    max: 10,
    // Fail fast while the database is down, so health and requests answer 503 promptly.
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 30_000,
  };
}

/**
 * Keeps a lost connection from ending the process: `pg` emits 'error' on an idle client (via
 * the pool) and on a checked-out one (on the client itself, which Kysely does not listen to).
 * The query in flight still fails and becomes a 503; this only stops the crash.
 */
export function guardPool(pool: pg.Pool, onError: (error: Error) => void): void {
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
}

/**
 * Kysely over an existing `pg` pool (closing the pool stays with whoever created it), sending
 * the hot statements by name unless `namedStatements` is false (db/src/named-statements.ts).
 */
export function kyselyOnPool(pool: pg.Pool, { namedStatements = true } = {}): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatements ? namingPool(pool) : pool }) });
}

/** Kysely over the embedded PGlite database in `dataDir`, holding its directory lock. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const embedded = await openEmbeddedDatabase(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(embedded.pglite) });
  return {
    kind: 'pglite',
    db,
    close: async () => {
      await db.destroy();
      await embedded.close();
    },
  };
}

/** For scripts: PostgreSQL when a URL is given, the embedded database otherwise. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  if (!options.databaseUrl) return openEmbedded(options.dataDir);
  const pool = new pg.Pool(poolOptions(options.databaseUrl));
  guardPool(pool, (error) => console.warn(`database connection lost: ${error.message}`));
  const db = kyselyOnPool(pool);
  return { kind: 'postgres', db, close: () => db.destroy() };
}
