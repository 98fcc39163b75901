// `npm run bench:export [-- --teams 5000 --cycles 36 --formats csv,json,xlsx --db postgres|pglite]`:
// plants synthetic stored figures (team_cycle_stats rows, written directly) for `teams` teams
// over `cycles` closed cycles, then starts the real server (`server/src/main.ts`) as a process
// of its own, downloads the aggregate export from it over loopback HTTP with a separate client
// process, and prints rows per second and the server's peak memory (the kernel's peak RSS,
// VmHWM, reset before each export) above its RSS when the export started. Target: 100 MB,
// checked with the server's JS heap capped at 160 MB (see below); Node's defaults are shown too.
// --db postgres (the default when PostgreSQL's binaries are installed) runs a throwaway
// cluster, so the figure is the Node server alone; with --db pglite the database lives inside
// the server process, so its page cache counts as well.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';
import { findPostgresBin, startPostgres } from '../../tests/support/postgres-server.js';
import { freePort } from '../../tests/support/ports.js';

const LIMIT_MB = 100;
/** The heap cap of the checked run: about three times the live heap of the running server. */
const HEAP_CAP_MB = 160;
const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '5000' },
    cycles: { type: 'string', default: '36' },
    formats: { type: 'string', default: 'csv,json,xlsx' },
    db: { type: 'string', default: findPostgresBin() ? 'postgres' : 'pglite' },
    /** Extra Node flags for the server process, e.g. `--heapsnapshot-signal=SIGUSR2`. */
    'server-flags': { type: 'string', default: '' },
  },
});
const teamCount = Number(values.teams);
const cycleCount = Number(values.cycles);
const formats = values.formats.split(',');
const mb = (kilobytes: number) => kilobytes / 1024;

const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-bench-export-'));
const postgres = values.db === 'postgres' ? await startPostgres() : null;
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'production',
  ...(postgres ? { DATABASE_URL: postgres.url } : {}),
};
const app = await buildApp(loadConfig(env));

/** Deterministic pseudo-random figures, so every run exports the same file. */
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const score = () => {
  const mean = 40 + random() * 45;
  const n = 5 + Math.floor(random() * 10);
  return { mean, sd: 15, ciLow: mean - 8, ciHigh: mean + 8, n };
};

async function plant() {
  const started = performance.now();
  const departments = Math.max(1, Math.round(teamCount / 100));
  const parents = await app.db
    .insertInto('teams')
    .values(Array.from({ length: departments }, (_, d) => ({ name: `Department ${d}` })))
    .returning('id')
    .execute();
  const teamIds = parents.map((p) => p.id);
  for (let i = 0; teamIds.length < teamCount; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, teamCount - teamIds.length) }, (_, k) => ({
      name: `Team ${i + k}`,
      parent_id: parents[(i + k) % departments]!.id,
    }));
    teamIds.push(...(await app.db.insertInto('teams').values(batch).returning('id').execute()).map((r) => r.id));
  }
  const start = Date.UTC(2024, 0, 1, 9);
  const cycles = await app.db
    .insertInto('cycles')
    .values(
      Array.from({ length: cycleCount }, (_, c) => ({
        label: `Cycle ${c + 1}`,
        opens_at: new Date(start + c * 30 * 86_400_000),
        closes_at: new Date(start + (c * 30 + 7) * 86_400_000),
        status: 'closed' as const,
        all_teams: true,
        questionnaire_version: 1,
      })),
    )
    .returning('id')
    .execute();
  let rows = 0;
  for (const cycle of cycles) {
    for (let i = 0; i <= teamIds.length; i += 1_000) {
      const batch = [null, ...teamIds].slice(i, i + 1_000).map((teamId) => {
        const suppressed = teamId !== null && random() < 0.1;
        return {
          cycle_id: cycle.id,
          team_id: teamId,
          invited: 10,
          responded: suppressed ? 3 : 8,
          suppressed,
          reason: suppressed ? ('below_threshold' as const) : null,
          scores: suppressed
            ? null
            : JSON.stringify({
                autonomy: score(),
                competence: score(),
                relatedness: score(),
                openness: score(),
                frustration: { autonomy: score(), competence: score(), relatedness: score() },
              }),
          fortress_index: suppressed ? null : random() * 30,
        };
      });
      if (batch.length) await app.db.insertInto('team_cycle_stats').values(batch).execute();
      rows += batch.length;
    }
  }
  console.log(
    `planted ${teamIds.length} teams × ${cycleCount} cycles (${rows} stored cells) in ${((performance.now() - started) / 1000).toFixed(1)} s (${app.dbKind})`,
  );
}

/** A separate process downloads the export, counting bytes; exits 3 on a 503. */
const CLIENT = `
const [url, cookie] = process.argv.slice(1);
require('node:http').get(url, { headers: { cookie } }, (res) => {
  let bytes = 0;
  res.on('data', (chunk) => (bytes += chunk.length));
  res.on('end', () => {
    if (res.statusCode === 200) console.log(bytes);
    else console.error('HTTP ' + res.statusCode);
    process.exit(res.statusCode === 200 ? 0 : res.statusCode === 503 ? 3 : 1);
  });
});`;

/** Downloads one export, waiting while the server sheds load (503). */
async function download(base: string, cookie: string, format: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, ['-e', CLIENT, `${base}/api/v1/exports/aggregates?format=${format}`, cookie], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    if (code === 0) return Number(out.trim());
    if (code !== 3 || attempt === 10) throw new Error(`${format}: the download failed (exit ${code})`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** VmRSS and VmHWM (peak) of a process, in kB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** The real server in a process of its own, listening on `port`; resolves once it answers. */
async function startServer(port: number, flags: string[]): Promise<ChildProcess> {
  const server = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/main.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error('The server did not start.');
}

/** Starts the server with `flags`, runs every format's export once, stops it; resolves the largest growth. */
async function runExports(label: string, flags: string[], cookie: string): Promise<number> {
  const port = await freePort();
  const server = await startServer(port, flags);
  const pid = server.pid!;
  console.log(`\n${label}`);
  let worst = 0;
  try {
    // A first small request warms the route up, so its code is not counted as export memory.
    await fetch(`http://127.0.0.1:${port}/api/v1/exports/aggregates?format=json&to=2000-01-01`, { headers: { cookie } });
    for (const format of formats) {
      const start = memory(pid).rss;
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      const started = performance.now();
      const bytes = await download(`http://127.0.0.1:${port}`, cookie, format);
      const seconds = (performance.now() - started) / 1000;
      const { peak } = memory(pid);
      const rows = cycleCount * (teamCount + 1) * 4;
      const growth = mb(peak - start);
      worst = Math.max(worst, growth);
      console.log(
        `  ${format.padEnd(4)} ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds)} rows/s; ` +
          `server RSS at start ${mb(start).toFixed(0)} MB, peak ${mb(peak).toFixed(0)} MB (+${growth.toFixed(1)} MB)`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  return worst;
}

try {
  await plant();
  const hr = await app.db
    .insertInto('users')
    .values({ email: 'bench-hr@example.test', name: 'Bench HR', role: 'hr' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = newToken();
  await app.db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: hr.id })
    .execute();
  await app.close();
  const cookie = `${SESSION_COOKIE}=${token}`;

  // Node's default collector lets short-lived garbage pile up while memory is plentiful, so the
  // first run shows what an unconfigured process reaches. The second caps the JS heap at three
  // times the server's live set: an export that held its rows (720,000 of them) would fail
  // there; a streaming one runs as fast, and its growth is the figure checked.
  const extra = values['server-flags'].split(' ').filter(Boolean);
  const uncapped = await runExports('Node defaults (no heap cap):', extra, cookie);
  const capped = await runExports(
    `JS heap capped at ${HEAP_CAP_MB} MB (--max-old-space-size=${HEAP_CAP_MB}):`,
    [...extra, `--max-old-space-size=${HEAP_CAP_MB}`],
    cookie,
  );
  console.log(
    `\nlargest growth: +${uncapped.toFixed(1)} MB with Node defaults; +${capped.toFixed(1)} MB with the heap cap, ` +
      `of ${LIMIT_MB} MB allowed: ${capped <= LIMIT_MB ? 'OK' : 'OVER'} (${values.db})`,
  );
  process.exitCode = capped <= LIMIT_MB ? 0 : 1;
} finally {
  postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
