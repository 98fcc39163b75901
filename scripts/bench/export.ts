// `npm run bench:export [-- --teams 5000 --cycles 36 --formats csv,json,xlsx --db postgres|pglite]`:
// plants synthetic stored figures (team_cycle_stats rows, written directly) for `teams` teams
// over `cycles` closed cycles, then downloads the aggregate export through the real route over
// loopback HTTP and prints rows per second and the server process's peak memory (RSS) above its
// level when the export started. The target: within 100 MB.
// --db postgres (the default when PostgreSQL's binaries are installed) runs a throwaway cluster,
// so the figure is the Node server's own memory; --db pglite embeds the database in the same
// process, so its page cache (WebAssembly memory, which never shrinks) counts as well.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';
import { findPostgresBin, startPostgres } from '../../tests/support/postgres-server.js';

const LIMIT_MB = 100;
const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '5000' },
    cycles: { type: 'string', default: '36' },
    formats: { type: 'string', default: 'csv,json,xlsx' },
    db: { type: 'string', default: findPostgresBin() ? 'postgres' : 'pglite' },
  },
});
const teamCount = Number(values.teams);
const cycleCount = Number(values.cycles);
const formats = values.formats.split(',');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number) => bytes / 1024 / 1024;

const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-bench-export-'));
const postgres = values.db === 'postgres' ? await startPostgres() : null;
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
const app = await buildApp(loadConfig(env));

/** Deterministic pseudo-random figures, so every run exports the same file. */
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
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
          reason: suppressed ? 'below_threshold' : null,
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
  console.log(`planted ${teamIds.length} teams × ${cycleCount} cycles (${rows} stored cells) in ${((performance.now() - started) / 1000).toFixed(1)} s (${app.dbKind})`);
}

/** Downloads one export, waiting while the server sheds load (503) after the planting. */
async function download(base: string, cookie: string, format: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await downloadOnce(base, cookie, format);
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('HTTP 503')) || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Downloads one export over HTTP, reading as fast as it comes; resolves its size in bytes. */
function downloadOnce(base: string, cookie: string, format: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/v1/exports/aggregates?format=${format}`, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => reject(new Error(`${format}: HTTP ${res.statusCode} ${body}`)));
        return;
      }
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

try {
  await plant();
  const hr = await app.db.insertInto('users').values({ email: 'bench-hr@example.test', name: 'Bench HR', role: 'hr' }).returning('id').executeTakeFirstOrThrow();
  const token = newToken();
  await app.db.insertInto('sessions').values({ id_hash: hashToken(token), user_id: hr.id }).execute();
  const base = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  let worst = 0;
  for (const format of formats) {
    gc();
    const startRss = process.memoryUsage().rss;
    const startHeap = process.memoryUsage().heapUsed;
    let peak = startRss;
    let peakHeap = startHeap;
    const sample = () => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 20);
    const started = performance.now();
    const bytes = await download(base, `${SESSION_COOKIE}=${token}`, format);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();
    const audit = await app.db.selectFrom('audit_log').select('details').where('action', '=', 'exports.download').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const rows = Number(audit.details.rows);
    const growth = mb(peak - startRss);
    worst = Math.max(worst, growth);
    console.log(
      `${format.padEnd(4)} ${rows} rows, ${mb(bytes).toFixed(1)} MB in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds)} rows/s; ` +
        `RSS at start ${mb(startRss).toFixed(0)} MB, peak ${mb(peak).toFixed(0)} MB (+${growth.toFixed(1)} MB; JS heap +${mb(peakHeap - startHeap).toFixed(1)} MB) ` +
        `${growth <= LIMIT_MB ? 'OK' : 'OVER'}`,
    );
  }
  console.log(`largest growth +${worst.toFixed(1)} MB of ${LIMIT_MB} MB allowed`);
  process.exitCode = worst <= LIMIT_MB ? 0 : 1;
} finally {
  await app.close();
  postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
