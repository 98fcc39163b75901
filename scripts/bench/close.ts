// `npm run bench:close [-- --runs 3]`: closing the last cycle of the large organisation (run
// `npm run bench:load-org` first) through the real `closeCycle`: blur the answer trail, freeze
// the tree, store 5,000 teams' moments, rerun the engine over 36 cycles, rewrite the cycle's
// figures and every alert episode. Each run first rewinds the cycle to open (its figures,
// moments and tree deleted); alert episodes stay, so a rerun updates them rather than
// inserting them. Then one more close, inside a transaction that is rolled back, timed step
// by step. Budget: 30 s.
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '@pulse/db';
import { closeCycle } from '@pulse/server/features/cycles/cycles.service';
import { recomputeInsights, storeCycleMoments } from '@pulse/server/features/close/close.service';
import { blurAnswerTrail } from '@pulse/server/features/pulse/pulse.repository';
import type { Kysely } from 'kysely';
import { benchDataDir, startBenchCluster } from './support/bench-postgres.js';
import { machineLine, median, seconds, table, timed } from './support/report.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const BUDGET_MS = 30_000;
const THRESHOLD = { anonymityThreshold: 5 };

/** Puts the cycle back to open, without its served figures, moments or frozen tree. */
async function rewind(db: Kysely<Database>, cycleId: string) {
  await db.transaction().execute(async (trx) => {
    for (const table of ['team_cycle_stats', 'team_cycle_moments', 'cycle_tree'] as const) {
      await trx.deleteFrom(table).where('cycle_id', '=', cycleId).execute();
    }
    await trx.updateTable('cycles').set({ status: 'open', closed_at: null }).where('id', '=', cycleId).execute();
  });
}

const cluster = startBenchCluster({ fresh: false });
console.log(machineLine(cluster.version));
const handle = await openDatabase({ databaseUrl: cluster.url, dataDir: benchDataDir });
const db = handle.db;
const last = await db.selectFrom('cycles').select(['id', 'label']).orderBy('opens_at', 'desc').executeTakeFirstOrThrow();
const teams = await db
  .selectFrom('teams')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
const times: number[] = [];
const steps: [string, number][] = [];
try {
  for (let r = 0; r < runs; r++) {
    await rewind(db, last.id);
    const { ms } = await timed(() => closeCycle(db, last.id, new Date(), THRESHOLD));
    times.push(ms);
    console.log(`run ${r + 1}: closeCycle ${seconds(ms)} s`);
  }
  // Where the time goes: the same steps, one by one, rolled back at the end.
  await rewind(db, last.id);
  const rolledBack = new Error('rolled back on purpose');
  await db
    .transaction()
    .execute(async (trx) => {
      const step = async (name: string, fn: () => Promise<unknown>) => steps.push([name, (await timed(fn)).ms]);
      await step('blurAnswerTrail (rewrite answered invitations and responses)', () => blurAnswerTrail(trx, last.id));
      await step('storeCycleMoments (tree, read and score responses, moments)', () => storeCycleMoments(trx, last.id));
      await trx.updateTable('cycles').set({ status: 'closed' }).where('id', '=', last.id).execute();
      await step('recomputeInsights (engine over 36 cycles, figures, alerts)', () =>
        recomputeInsights(trx, THRESHOLD.anonymityThreshold, [last.id]),
      );
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
} finally {
  await rewind(db, last.id);
  await closeCycle(db, last.id, new Date(), THRESHOLD);
  await handle.close();
  cluster.stop();
}

const med = median(times);
console.log(`\nclosing ${last.label} for ${Number(teams.n).toLocaleString('en')} teams, ${runs} runs\n`);
console.log(
  table(
    ['measure', 'seconds'],
    [
      ['closeCycle, median', `**${seconds(med)}**`],
      ['closeCycle, each run', times.map(seconds).join(', ')],
      ...steps.map(([name, ms]): [string, string] => [`step: ${name}`, seconds(ms)]),
    ],
  ),
);
console.log(`\nclose median ${seconds(med)} s (budget ${BUDGET_MS / 1000} s) ${med <= BUDGET_MS ? 'OK' : 'OVER BUDGET'}`);
