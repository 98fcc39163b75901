import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin, startPostgres, type PostgresServer } from '../../support/postgres-server.js';

const run = promisify(execFile);

export interface CrashablePostgres extends PostgresServer {
  /** `pg_ctl stop -m immediate` without blocking this process (its load keeps running). */
  crash(): Promise<void>;
  /** `pg_ctl start`, likewise without blocking. */
  restart(): Promise<void>;
}

/**
 * A throwaway PostgreSQL (see startPostgres) whose crash and restart run asynchronously, so
 * the requests this process has in flight are timed honestly while pg_ctl works.
 */
export async function startCrashablePostgres(): Promise<CrashablePostgres> {
  const server = await startPostgres();
  const bin = findPostgresBin()!;
  const pgCtl = (args: string[]) =>
    process.getuid?.() === 0
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args])
      : run(path.join(bin, 'pg_ctl'), args);
  // The same options startPostgres starts it with.
  const options = `-p ${server.port} -k ${server.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  return {
    ...server,
    crash: async () => void (await pgCtl(['-D', server.dataDir, '-w', '-m', 'immediate', 'stop'])),
    restart: async () =>
      void (await pgCtl(['-D', server.dataDir, '-w', '-l', path.join(server.dataDir, 'server.log'), '-o', options, 'start'])),
  };
}
