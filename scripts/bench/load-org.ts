// `npm run bench:load-org`: fills a kept PostgreSQL cluster (BENCH_PGDATA, default
// /tmp/pulse-bench/pgdata) with the synthetic organisation of support/org.ts: 5,000 teams,
// about 100,000 members, 36 monthly cycles, about 2.5 million responses. Rows go in with COPY;
// the served figures and alerts come from the application's own code: `storeCycleMoments` for
// 35 past cycles, one `recomputeInsights` over them, then `closeCycle` for the 36th, timed.
// Budget: 10 minutes. The other bench:* scripts start the cluster again on this data.
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { migrateToLatest, openDatabase } from '@pulse/db';
import { closeCycle } from '@pulse/server/features/cycles/cycles.service';
import { recomputeInsights, storeCycleMoments } from '@pulse/server/features/close/close.service';
import { currentQuestionnaire } from '@pulse/shared';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchDataDir, BENCH_DATABASE, startBenchCluster } from './support/bench-postgres.js';
import { buildOrg, orgCycles } from './support/org.js';
import { machineLine, seconds, table, timed } from './support/report.js';

const BUDGET_MS = 10 * 60_000;
const THRESHOLD = { anonymityThreshold: 5 };
const COMMENTS = [
  'Too many urgent requests this month',
  'Great support from the platform team',
  'We need clearer priorities',
  'Planning went well',
  'Hard to reach the other offices',
  'Thanks for the new tooling',
];

// Writing about 3 GB: refuse to start without room for it and its indexes.
mkdirSync(path.dirname(benchDataDir), { recursive: true });
const fs = statfsSync(path.dirname(benchDataDir));
const freeGiB = (fs.bavail * fs.bsize) / 2 ** 30;
if (freeGiB < 8) throw new Error(`Only ${freeGiB.toFixed(1)} GiB free under ${path.dirname(benchDataDir)}; the load needs about 8 GiB.`);

const phases: [string, number][] = [];
const started = performance.now();
async function phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const { value, ms } = await timed(fn);
  phases.push([name, ms]);
  console.log(`${name}: ${seconds(ms)} s`);
  return value;
}

const cluster = await phase('initdb and start PostgreSQL', async () => startBenchCluster({ fresh: true }));
console.log(machineLine(cluster.version));
const admin = new pg.Client({ connectionString: cluster.adminUrl });
await admin.connect();
await admin.query(`create database ${BENCH_DATABASE}`);
await admin.end();
const handle = await openDatabase({ databaseUrl: cluster.url, dataDir: benchDataDir });
const db = handle.db;
await migrateToLatest(db);

const org = buildOrg();
const cycles = orgCycles();
console.log(
  `organisation: ${org.teams.length.toLocaleString('en')} teams, ${org.members.toLocaleString('en')} members, ${cycles.length} cycles`,
);

/** Streams rows (already in COPY text format) into `statement`, respecting back-pressure. */
async function copyInto(client: pg.Client, statement: string) {
  const stream = client.query(copyFrom(statement));
  let buffer: string[] = [];
  return {
    async row(line: string) {
      buffer.push(line);
      if (buffer.length >= 5_000) await this.flush();
    },
    async flush() {
      if (!buffer.length) return;
      const ok = stream.write(buffer.join(''));
      buffer = [];
      if (!ok) await once(stream, 'drain');
    },
    async end() {
      await this.flush();
      stream.end();
      await finished(stream);
    },
  };
}

async function connect() {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  return client;
}

/**
 * PostgreSQL's advice for bulk loads: drop secondary indexes and foreign keys, COPY, then
 * build them once (foreign keys pointing into the tables too). Resolves a function that restores every dropped definition.
 */
async function withoutIndexes(client: pg.Client, tables: string[]): Promise<() => Promise<void>> {
  const constraints = await client.query<{ table: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def, contype as type
     from pg_constraint
     where (conrelid = any($1::regclass[]) and contype in ('p', 'u', 'f'))
        or (confrelid = any($1::regclass[]) and contype = 'f')`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
     where tablename = any($1) and indexname not in (select conname from pg_constraint where conrelid = any($1::regclass[]))`,
    [tables],
  );
  for (const c of constraints.rows.filter((r) => r.type === 'f')) await client.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const c of constraints.rows.filter((r) => r.type !== 'f')) await client.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes.rows) await client.query(`drop index ${i.name}`);
  return async () => {
    for (const c of constraints.rows.filter((r) => r.type !== 'f'))
      await client.query(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
    for (const i of indexes.rows) await client.query(i.def);
    for (const c of constraints.rows.filter((r) => r.type === 'f'))
      await client.query(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
  };
}

const membersByTeam = new Map<string, string[]>();
await phase('teams, members and cycles', async () => {
  const client = await connect();
  const teams = await copyInto(client, 'copy teams (id, name, parent_id) from stdin');
  for (const t of org.teams) await teams.row(`${t.id}\t${t.name}\t${t.parentId ?? '\\N'}\n`);
  await teams.end();
  const users = await copyInto(client, 'copy users (id, email, name, role, team_id) from stdin');
  let n = 0;
  for (const t of org.teams) {
    const ids = Array.from({ length: t.size }, () => randomUUID());
    membersByTeam.set(t.id, ids);
    for (const id of ids) await users.row(`${id}\tmember${++n}@bench.example\tMember ${n}\tmember\t${t.id}\n`);
  }
  await users.end();
  await client.end();
  const last = cycles.length - 1;
  await db
    .insertInto('cycles')
    .values(
      cycles.map((c, i) => ({
        id: c.id,
        label: c.label,
        opens_at: c.opensAt,
        closes_at: c.closesAt,
        // The last cycle is left open: closing it is the close benchmark.
        status: i === last ? 'open' : 'closed',
        closed_at: i === last ? null : c.closesAt,
        all_teams: true,
        questionnaire_version: currentQuestionnaire.version,
      })),
    )
    .execute();
});

let responseCount = 0;
let invitationCount = 0;
await phase('invitations and responses (COPY)', async () => {
  const control = await connect();
  const restore = await withoutIndexes(control, ['invitations', 'responses']);
  const [a, b] = [await connect(), await connect()];
  const invitations = await copyInto(a, 'copy invitations (cycle_id, user_id, team_id, token_hash, answered, sent_at) from stdin');
  const responses = await copyInto(b, 'copy responses (cycle_id, team_id, questionnaire_version, answers, comment) from stdin');
  for (const sim of org.generated.cycles()) {
    const cycle = cycles[sim.cycleIndex]!;
    const sentAt = cycle.opensAt.toISOString();
    for (const team of org.teams) {
      const { answers } = sim.teams.get(team.simId)!;
      const members = membersByTeam.get(team.id)!;
      for (let k = 0; k < members.length; k++) {
        // Which members answered is not recorded anywhere: any `answers.length` of them will do.
        const hash = createHash('sha256').update(`${sim.cycleIndex}:${members[k]}`).digest('hex');
        await invitations.row(`${cycle.id}\t${members[k]}\t${team.id}\t${hash}\t${k < answers.length ? 't' : 'f'}\t${sentAt}\n`);
      }
      for (const answer of answers) {
        const comment = responseCount % 23 === 0 ? COMMENTS[responseCount % COMMENTS.length]! : '\\N';
        await responses.row(`${cycle.id}\t${team.id}\t${currentQuestionnaire.version}\t${JSON.stringify(answer)}\t${comment}\n`);
        responseCount++;
      }
      invitationCount += members.length;
    }
  }
  await Promise.all([invitations.end(), responses.end()]);
  await Promise.all([a.end(), b.end()]);
  console.log(
    `  ${invitationCount.toLocaleString('en')} invitations, ${responseCount.toLocaleString('en')} responses copied; building indexes`,
  );
  await restore();
  await control.end();
});

await phase('vacuum analyze', async () => {
  const client = await connect();
  await client.query('vacuum (analyze) teams, users, cycles, invitations, responses');
  await client.end();
});

await phase(`team moments of ${cycles.length - 1} past cycles (storeCycleMoments)`, async () => {
  for (const cycle of cycles.slice(0, -1)) await db.transaction().execute((trx) => storeCycleMoments(trx, cycle.id));
});
await phase(`figures and alerts of ${cycles.length - 1} cycles (recomputeInsights)`, () =>
  db.transaction().execute((trx) => recomputeInsights(trx, THRESHOLD.anonymityThreshold)),
);
await phase(`closeCycle of cycle ${cycles.length} (5,000 teams)`, () => closeCycle(db, cycles.at(-1)!.id, new Date(), THRESHOLD));

const counts = await db
  .selectNoFrom((eb) => [
    eb.selectFrom('team_cycle_stats').select(eb.fn.countAll<string>().as('n')).as('stats'),
    eb.selectFrom('alerts').select(eb.fn.countAll<string>().as('n')).as('alerts'),
    eb.selectFrom('alerts').where('status', '=', 'open').select(eb.fn.countAll<string>().as('n')).as('open'),
  ])
  .executeTakeFirstOrThrow();
await handle.close();
const size = await (async () => {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const { rows } = await client.query<{ size: string }>('select pg_size_pretty(pg_database_size(current_database())) as size');
  await client.end();
  return rows[0]!.size;
})();
cluster.stop();

const total = performance.now() - started;
console.log(`\n${table(['phase', 'seconds'], [...phases.map(([name, t]) => [name, seconds(t)]), ['**total**', `**${seconds(total)}**`]])}`);
console.log(
  `\n${org.teams.length.toLocaleString('en')} teams · ${org.members.toLocaleString('en')} members · ${cycles.length} cycles · ` +
    `${invitationCount.toLocaleString('en')} invitations · ${responseCount.toLocaleString('en')} responses ` +
    `(${((100 * responseCount) / invitationCount).toFixed(1)}%) · ${Number(counts.stats).toLocaleString('en')} served cells · ` +
    `${Number(counts.alerts).toLocaleString('en')} alert episodes (${Number(counts.open).toLocaleString('en')} open) · database ${size}`,
);
console.log(
  `load-org: ${seconds(total)} s (budget ${BUDGET_MS / 60_000} min) ${total <= BUDGET_MS ? 'OK' : 'OVER BUDGET'}; data kept in ${benchDataDir}`,
);
