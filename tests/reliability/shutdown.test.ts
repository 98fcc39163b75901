import pg from 'pg';
import { hashToken } from '@pulse/server/plugins/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reliabilityDatabase, storedAnswers, type ReliabilityDatabase } from './support/database.js';
import { answerAll, pool, requester, tally } from './support/http-load.js';
import { openCycleWithTokens, seedMembers, validSubmission } from './support/known-tokens.js';
import { startApp, type RunningServer } from './support/servers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown on SIGTERM during a load', () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await reliabilityDatabase();
    await seedMembers(database.db, 60, 100);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('lets in-flight requests finish and loses no acknowledged answer', async () => {
    const { cycleId, tokens } = await openCycleWithTokens(database.db, 6_000, 'Shutdown');
    const [held, ...rest] = tokens;
    const body = validSubmission();
    server = await startApp(database.url);

    // One request is certainly in flight at SIGTERM: its invitation row is locked here, so the
    // server's statement waits until this transaction ends.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select 1 from invitations where token_hash = $1 for update', [hashToken(held!)]);
    const client = requester(server.url, 51);
    const heldAnswer = client.send('POST', `/api/v1/pulse/${held}`, body);
    for (let waiting = 0; waiting === 0; await sleep(20)) {
      const { rows } = await locker.query<{ n: string }>(`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock'`);
      waiting = Number(rows[0]!.n);
    }

    let acknowledged = 0;
    const load = pool(rest, 50, async (token) => {
      const outcome = { ...(await client.send('POST', `/api/v1/pulse/${token}`, body)), key: token };
      if (outcome.status === 201) acknowledged++;
      return outcome;
    });
    while (acknowledged < 1_000) await sleep(10);
    const exited = server.stop();
    await sleep(300);
    await locker.query('commit');
    await locker.end();
    await exited;
    const outcomes = await load;
    client.close();

    // The request held across SIGTERM finished normally.
    expect((await heldAnswer).status).toBe(201);
    // Afterwards: answered (201), turned away while closing (503), or refused once closed.
    const counts = tally(outcomes);
    expect(
      Object.keys(counts).filter((k) => !['201', '503', 'error:ECONNREFUSED', 'error:ECONNRESET', 'error:socket hang up'].includes(k)),
    ).toEqual([]);

    const stored = await storedAnswers(database.db, cycleId);
    const acked = outcomes.filter((o) => o.status === 201);
    expect(acked.filter((o) => !stored.isAnswered(o.key))).toEqual([]);
    expect(stored.isAnswered(held!)).toBe(true);
    expect(stored.responses).toBe(stored.answered);
    // A closing server finishes what it started: nothing is stored without its 201.
    expect(stored.answered).toBe(acked.length + 1);

    // Every token not acknowledged answers on the next server.
    server = await startApp(database.url);
    const unacknowledged = outcomes.filter((o) => o.status !== 201).map((o) => o.key);
    const retries = await answerAll(server.url, unacknowledged, 20, body);
    expect(tally(retries)).toEqual(unacknowledged.length ? { 201: unacknowledged.length } : {});
  });
});
