// `npm run bench:reads [-- --samples 200]`: the dashboard's reads on the large organisation
// (run `npm run bench:load-org` first), through the real server over HTTP as an HR user, one
// request at a time: team trends over 36 cycles; the overview as the screen loads it (the top
// two levels, an expanded subtree, a name search, the fortress watch) and the whole
// organisation's JSON as an explicit, streamed download (no latency target); and the first
// page of open alerts. Prints p50/p95/p99 against the p95 targets (and the size targets), then
// EXPLAIN ANALYZE of every SQL statement each read runs (captured from the application's code).
// Latency is the time until the last byte of the gzipped answer has arrived, as load tools
// (autocannon, wrk) measure it; the client does not decompress while the clock runs. (With
// `fetch`, undici's gunzip in this very process added 10-17 ms to the open alerts' p50 and p95;
// a browser decompresses natively, off its page's thread.)
import http from 'node:http';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { kyselyOnPool, poolOptions, type Database } from '@pulse/db';
import { alertsPage } from '@pulse/server/features/alerts/alerts.service';
import { overviewFor, trendsFor } from '@pulse/server/features/insights/insights-read.service';
import { overviewSearch, overviewTeams, overviewWorst } from '@pulse/server/features/insights/overview-views.service';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { startBenchCluster } from './support/bench-postgres.js';
import { machineLine, ms, quantile, table } from './support/report.js';
import { startApp } from '../../tests/reliability/support/servers.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200' } } });
const samples = Number(values.samples);
const SETTINGS = { anonymityThreshold: 5 };

const cluster = startBenchCluster({ fresh: false });
console.log(machineLine(cluster.version));
const pool = new pg.Pool(poolOptions(cluster.url));
const db = kyselyOnPool(pool);

// An HR user with a session, written as a login would.
const token = newToken();
const hr = await db
  .insertInto('users')
  .values({ email: `bench-hr-${token.slice(0, 8)}@bench.example`, name: 'Bench HR', role: 'hr' })
  .returning('id')
  .executeTakeFirstOrThrow();
await db
  .insertInto('sessions')
  .values({ id_hash: hashToken(token), user_id: hr.id })
  .execute();
const latest = await db
  .selectFrom('cycles')
  .where('status', '=', 'closed')
  .select('id')
  .orderBy('opens_at', 'desc')
  .executeTakeFirstOrThrow();
const leafTeams = (await db.selectFrom('teams').where('name', 'like', 'Team %').select('id').execute()).map((t) => t.id);
const pick = (i: number) => leafTeams[(i * 7919) % leafTeams.length]!;
// Parents to expand: the groups (ten teams each) and the departments (ten groups each).
const parents = (
  await db
    .selectFrom('teams')
    .where((eb) => eb.or([eb('name', 'like', 'Group %'), eb('name', 'like', 'Department %')]))
    .select('id')
    .execute()
).map((t) => t.id);
const parentOf = (i: number) => parents[(i * 7919) % parents.length]!;
// Name searches matching one group's teams ("Team 3.4.5.…"), a few to a dozen teams each.
const groupNames = (await db.selectFrom('teams').where('name', 'like', 'Group %').select('name').execute()).map((t) =>
  t.name.replace('Group ', 'Team '),
);
const searchOf = (i: number) => groupNames[(i * 7919) % groupNames.length]!;

interface Read {
  name: string;
  /** p95 target in ms; none for the explicit download, which no screen waits for. */
  target?: number;
  url: (i: number) => string;
  count: number;
  /** Largest uncompressed answer allowed, in KiB. */
  maxKiB?: number;
  /** The same read through the service, for EXPLAIN. */
  direct: (db: Kysely<Database>) => Promise<unknown>;
}
const reads: Read[] = [
  {
    name: 'team trends, 36 cycles',
    target: 30,
    url: (i) => `/api/v1/teams/${pick(i)}/trends`,
    count: samples,
    direct: (d) => trendsFor(d, SETTINGS, 'all', pick(0), {}),
  },
  {
    name: 'overview, first load (top two levels: 50 teams)',
    target: 150,
    maxKiB: 300,
    url: () => `/api/v1/overview/teams?cycleId=${latest.id}`,
    count: samples,
    direct: (d) => overviewTeams(d, SETTINGS, 'all', { cycleId: latest.id }),
  },
  {
    name: 'overview, expanded subtree (10 teams)',
    target: 150,
    maxKiB: 300,
    url: (i) => `/api/v1/overview/teams?cycleId=${latest.id}&parent=${parentOf(i)}`,
    count: samples,
    direct: (d) => overviewTeams(d, SETTINGS, 'all', { cycleId: latest.id, parent: parentOf(0) }),
  },
  {
    name: 'overview, name search',
    target: 150,
    maxKiB: 300,
    url: (i) => `/api/v1/overview/search?cycleId=${latest.id}&q=${encodeURIComponent(searchOf(i))}`,
    count: samples,
    direct: (d) => overviewSearch(d, SETTINGS, 'all', { cycleId: latest.id, q: searchOf(0), limit: 50 }),
  },
  {
    name: 'overview, fortress watch (worst 25)',
    target: 150,
    maxKiB: 300,
    url: () => `/api/v1/overview/worst?cycleId=${latest.id}&view=fortress&limit=25`,
    count: samples,
    direct: (d) => overviewWorst(d, SETTINGS, 'all', { cycleId: latest.id, view: 'fortress', limit: 25 }),
  },
  {
    name: 'overview, all 5,000 teams (explicit download)',
    url: () => `/api/v1/overview?cycleId=${latest.id}&download=true`,
    count: Math.max(20, Math.round(samples / 4)),
    direct: (d) => overviewFor(d, SETTINGS, 'all', latest.id),
  },
  {
    name: 'open alerts, first page (50)',
    target: 50,
    maxKiB: 300,
    url: () => '/api/v1/alerts?status=open&limit=50',
    count: samples,
    direct: (d) => alertsPage(d, 'all', { status: 'open', sort: 'severity', limit: 50 }),
  },
];

/** GET `url` asking for gzip as a browser does; resolves with the status and the body as sent. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; gzipped: boolean }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks),
            gzipped: response.headers['content-encoding'] === 'gzip',
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const app = await startApp(cluster.url);
const rows: (string | number)[][] = [];
try {
  const headers = { cookie: `${SESSION_COOKIE}=${token}` };
  for (const read of reads) {
    let bytes = 0;
    let sent = 0;
    for (let i = 0; i < 10; i++) await get(`${app.url}${read.url(i)}`, headers);
    const times: number[] = [];
    for (let i = 0; i < read.count; i++) {
      const start = performance.now();
      const response = await get(`${app.url}${read.url(i)}`, headers);
      times.push(performance.now() - start);
      const body = response.gzipped ? gunzipSync(response.body) : response.body;
      if (response.status !== 200) throw new Error(`${read.name}: ${response.status} ${body.toString()}`);
      bytes = body.byteLength;
      sent = response.body.byteLength;
    }
    const p95 = quantile(times, 0.95);
    rows.push([
      read.name,
      read.count,
      ms(quantile(times, 0.5)),
      `**${ms(p95)}**`,
      ms(quantile(times, 0.99)),
      read.target === undefined ? 'none (a download)' : `≤ ${read.target}`,
      read.target === undefined ? '' : p95 <= read.target && (read.maxKiB === undefined || bytes <= read.maxKiB * 1024) ? 'OK' : 'MISSED',
      `${(bytes / 1024).toFixed(0)} KiB (${(sent / 1024).toFixed(0)} KiB gzipped)${read.maxKiB === undefined ? '' : `, ≤ ${read.maxKiB} KiB`}`,
    ]);
  }
} finally {
  await app.stop();
}
console.log(`\n${table(['read (HTTP, one at a time)', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 target', '', 'response'], rows)}\n`);

// Every statement each read runs, captured from the service code and explained.
for (const read of reads) {
  const captured: CompiledQuery[] = [];
  const logging = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => void (event.level === 'query' && captured.push(event.query)),
  });
  await read.direct(logging);
  console.log(`### EXPLAIN ANALYZE: ${read.name}\n`);
  for (const query of captured) {
    const { rows: plan } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
    console.log('```');
    console.log(query.sql.replace(/\s+/g, ' ').slice(0, 300));
    console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    console.log('```\n');
  }
}

await db.deleteFrom('users').where('id', '=', hr.id).execute();
await pool.end();
cluster.stop();
