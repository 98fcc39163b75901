// `npm run bench:answer [-- --requests 10000 --rounds 5 --connections 50]`: answering a
// pulse on the large organisation (run `npm run bench:load-org` first). The real server
// (POST /api/v1/pulse/:token, every request with its own unanswered token) against a bare
// Fastify route that validates the same body and makes one plain INSERT, on the same
// PostgreSQL, in alternating rounds of the same run. autocannon runs in this process and
// shares the machine's cores with both servers and PostgreSQL. Targets: our throughput at
// least 0.6 of the bare route's, and p99 at most 50 ms.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { migrateToLatest, openDatabase } from '@pulse/db';
import { openCycleWithTokens, validSubmission } from '../../tests/reliability/support/known-tokens.js';
import { benchDataDir, startBenchCluster } from './support/bench-postgres.js';
import { machineLine, median, ms, table } from './support/report.js';
import { startApp, startServer, type RunningServer } from '../../tests/reliability/support/servers.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2000' },
  },
});
const perRound = Number(values.requests);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const TARGET = { ratio: 0.6, p99: 50 };

interface Run {
  rps: number;
  p50: number;
  p99: number;
  created: number;
  other: number;
}

/** `amount` POSTs at `connections` connections; `path(i)` gives each request its own URL. */
async function load(server: RunningServer, amount: number, path: (i: number) => string): Promise<Run> {
  let i = 0;
  // autocannon notices the last answer only at its next one-second sample tick, so its own
  // duration (and any clock stopped when it resolves) is rounded up to whole seconds: time
  // the run from its start to its last response instead.
  const start = performance.now();
  let last = start;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: server.url,
        connections,
        amount,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: validSubmission(),
            setupRequest: (request) => ({ ...request, path: path(i++) }),
          },
        ],
      },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    );
    run.on('response', () => (last = performance.now()));
  });
  const seconds = (last - start) / 1000;
  const created = result.statusCodeStats?.['201']?.count ?? 0;
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    created,
    other: result.requests.total - created + result.errors + result.timeouts,
  };
}

const cluster = startBenchCluster({ fresh: false });
console.log(machineLine(cluster.version));
const handle = await openDatabase({ databaseUrl: cluster.url, dataDir: benchDataDir });
// The schema the server will run on (its storage settings shape the invitations written next),
// and no leftover of an interrupted run.
await migrateToLatest(handle.db);
await handle.db.deleteFrom('cycles').where('label', 'in', ['Answering benchmark', 'Answering benchmark (bare)']).execute();
const { cycleId, tokens } = await openCycleWithTokens(handle.db, warmup + rounds * perRound, 'Answering benchmark');
// The baseline writes into the same responses table, under a cycle of its own.
const bareCycle = await handle.db
  .insertInto('cycles')
  .values({
    label: 'Answering benchmark (bare)',
    opens_at: new Date(),
    closes_at: new Date(Date.now() + 86_400_000),
    status: 'open',
    all_teams: true,
    questionnaire_version: 1,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const bareTeam = await handle.db.selectFrom('teams').select('id').limit(1).executeTakeFirstOrThrow();
let next = 0;
const ours = (amount: number) => load(app, amount, () => `/api/v1/pulse/${tokens[next++]}`);
const bare = (amount: number) => load(baseline, amount, (i) => `/bare/${i}`);

const app = await startApp(cluster.url);
const baseline = await startServer(
  'scripts/bench/support/bare-server.ts',
  { DATABASE_URL: cluster.url, BARE_CYCLE_ID: bareCycle.id, BARE_TEAM_ID: bareTeam.id },
  '/health',
);
const results: { ours: Run[]; bare: Run[] } = { ours: [], bare: [] };
try {
  await bare(warmup);
  await ours(warmup);
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither always meets a warmer or busier machine.
    if (r % 2 === 0) {
      results.bare.push(await bare(perRound));
      results.ours.push(await ours(perRound));
    } else {
      results.ours.push(await ours(perRound));
      results.bare.push(await bare(perRound));
    }
  }
  const stored = await handle.db
    .selectFrom('responses')
    .where('cycle_id', '=', cycleId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const created = warmup + results.ours.reduce((sum, r) => sum + r.created, 0);
  console.log(`stored responses ${stored.n} = 201 answers ${created}: ${Number(stored.n) === created ? 'OK' : 'MISMATCH'}`);
} finally {
  await app.stop();
  await baseline.stop();
  await handle.db.deleteFrom('cycles').where('id', 'in', [cycleId, bareCycle.id]).execute();
  await handle.close();
  cluster.stop();
}

const row = (name: string, runs: Run[]) => [
  name,
  median(runs.map((r) => r.rps)).toFixed(0),
  ms(median(runs.map((r) => r.p50))),
  ms(median(runs.map((r) => r.p99))),
  runs.reduce((sum, r) => sum + r.other, 0),
];
const ratios = results.ours.map((r, i) => r.rps / results.bare[i]!.rps);
const ratio = median(ratios);
const p99 = median(results.ours.map((r) => r.p99));
console.log(`\n${connections} connections, ${rounds} rounds of ${perRound.toLocaleString('en')} requests each (medians over rounds)\n`);
console.log(
  table(
    ['route', 'requests/s', 'p50 ms', 'p99 ms', 'non-201 or errors'],
    [row('POST /api/v1/pulse/:token (ours)', results.ours), row('bare Fastify: validate + one INSERT', results.bare)],
  ),
);
console.log(
  `\nratio ours/bare per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${ratio.toFixed(2)} (target ≥ ${TARGET.ratio}) ${ratio >= TARGET.ratio ? 'OK' : 'MISSED'}`,
);
console.log(`p99 ours ${ms(p99)} ms (target ≤ ${TARGET.p99} ms) ${p99 <= TARGET.p99 ? 'OK' : 'MISSED'}`);
console.log('autocannon, both servers and PostgreSQL share the same cores.');
