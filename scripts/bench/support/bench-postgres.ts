// The benchmarks' PostgreSQL: one cluster in a kept data directory, so `bench:load-org` fills
// it once and the other benchmarks start it again on the same data. Unlike the tests'
// throwaway servers it runs with durable settings (fsync and synchronous commit on).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findPostgresBin } from '../../../tests/support/postgres-server.js';

/** Where the data lives (BENCH_PGDATA) and the port it listens on (BENCH_PGPORT). */
export const benchDataDir = path.resolve(process.env.BENCH_PGDATA ?? '/tmp/pulse-bench/pgdata');
const port = Number(process.env.BENCH_PGPORT ?? 55432);
/** The database that holds the synthetic organisation. */
export const BENCH_DATABASE = 'pulse_bench';

export interface BenchCluster {
  /** Superuser URL of the benchmark database. */
  url: string;
  /** Superuser URL of the maintenance database `postgres`. */
  adminUrl: string;
  /** PostgreSQL's version string, for the result tables. */
  version: string;
  stop(): void;
}

function tool(bin: string, name: string, args: string[], check = true) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : path.join(bin, name);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, name), ...args] : args;
  if (check) return execFileSync(command, argv, { stdio: 'pipe' }).toString();
  return spawnSync(command, argv, { stdio: 'pipe' }).status === 0 ? 'ok' : '';
}

/**
 * Starts the benchmark cluster. `fresh` wipes the data directory and runs initdb first;
 * otherwise the directory must already hold a cluster filled by `npm run bench:load-org`.
 */
export function startBenchCluster({ fresh }: { fresh: boolean }): BenchCluster {
  const bin = findPostgresBin();
  if (!bin) throw new Error('No PostgreSQL server binaries found (install the postgresql package).');
  const versionFile = path.join(benchDataDir, 'PG_VERSION');
  if (fresh) {
    if (existsSync(versionFile)) tool(bin, 'pg_ctl', ['-D', benchDataDir, '-m', 'fast', 'stop'], false);
    rmSync(benchDataDir, { recursive: true, force: true });
    mkdirSync(benchDataDir, { recursive: true });
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
      chownSync(benchDataDir, id('-u'), id('-g'));
    }
    tool(bin, 'initdb', ['-D', benchDataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  } else if (!existsSync(versionFile)) {
    throw new Error(`No benchmark cluster in ${benchDataDir}: run \`npm run bench:load-org\` first (or set BENCH_PGDATA).`);
  }
  const options = [
    `-p ${port}`,
    `-k ${benchDataDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c shared_buffers=1GB',
    '-c maintenance_work_mem=512MB',
    '-c max_wal_size=8GB',
    '-c checkpoint_timeout=30min',
  ].join(' ');
  if (!tool(bin, 'pg_ctl', ['-D', benchDataDir, 'status'], false)) {
    tool(bin, 'pg_ctl', ['-D', benchDataDir, '-w', '-t', '120', '-l', path.join(benchDataDir, 'server.log'), '-o', options, 'start']);
  }
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const version = tool(bin, 'postgres', ['--version']).trim();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${BENCH_DATABASE}`,
    adminUrl,
    version,
    stop: () => void tool(bin, 'pg_ctl', ['-D', benchDataDir, '-w', '-m', 'fast', 'stop'], false),
  };
}
