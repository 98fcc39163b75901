import fastifyPostgres from '@fastify/postgres';
import { guardPool, kyselyOnPool, migrateToLatest, openEmbedded, poolOptions, type Database, type DatabaseKind } from '@pulse/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
  }
}

/**
 * One data layer, two back ends: with DATABASE_URL a `pg` pool registered through
 * @fastify/postgres with Kysely on that same pool; without it the embedded PGlite database in
 * DATA_DIR. Migrations run before any feature is ready.
 */
async function database(app: FastifyInstance, { config }: { config: Config }) {
  if (config.databaseUrl) {
    await app.register(fastifyPostgres, poolOptions(config.databaseUrl));
    guardPool(app.pg.pool, (error) => app.log.warn({ err: error }, 'database connection lost'));
    // The pool belongs to @fastify/postgres, which ends it on close; Kysely only borrows it.
    app.decorate('db', kyselyOnPool(app.pg.pool, { namedStatements: config.namedStatements }));
    app.decorate('dbKind', 'postgres');
  } else {
    const embedded = await openEmbedded(config.dataDir);
    app.decorate('db', embedded.db);
    app.decorate('dbKind', 'pglite');
    app.addHook('onClose', () => embedded.close());
  }
  const applied = await migrateToLatest(app.db);
  if (applied.length) app.log.info({ applied }, 'migrations applied');
}

/** Resolves true when the database answers `select 1` within `timeoutMs`. */
export async function pingDatabase(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ping = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export default fp(database, { name: 'database' });
