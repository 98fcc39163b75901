import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '@pulse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrashablePostgres, type CrashablePostgres } from './support/crashable-postgres.js';
import { storedAnswers } from './support/database.js';
import { answerAll, isErrorShape, pool, requester, tally, type Outcome } from './support/http-load.js';
import { openCycleWithTokens, seedMembers, validSubmission } from './support/known-tokens.js';
import { startApp, type RunningServer } from './support/servers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HANG_LIMIT_MS = 5_000;

describe('PostgreSQL crashes in the middle of a load', () => {
  let postgres: CrashablePostgres;
  let handle: DatabaseHandle;
  let server: RunningServer;
  beforeAll(async () => {
    postgres = await startCrashablePostgres();
    handle = await openDatabase({ databaseUrl: postgres.url, dataDir: mkdtempSync(path.join(tmpdir(), 'pulse-crash-')) });
    await migrateToLatest(handle.db);
    await seedMembers(handle.db, 50, 100);
    server = await startApp(postgres.url);
  });
  afterAll(async () => {
    await server?.stop();
    await handle?.close();
    postgres?.destroy();
  });

  it('answers 503 with Retry-After while down, recovers without a restart, and loses no acknowledged answer', async () => {
    const { cycleId, tokens } = await openCycleWithTokens(handle.db, 5_000, 'Crash');
    const loadTokens = tokens.slice(0, 4_000);
    const probeTokens = tokens.slice(4_000);
    const body = validSubmission();
    const client = requester(server.url, 20);

    let acknowledged = 0;
    const load = pool(loadTokens, 20, async (token) => {
      const outcome = { ...(await client.send('POST', `/api/v1/pulse/${token}`, body)), key: token };
      if (outcome.status === 201) acknowledged++;
      return outcome;
    });
    while (acknowledged < 1_000) await sleep(10);

    await postgres.crash();
    // While it is down: health and the API answer 503 promptly, in the error shape.
    const probes: Outcome[] = [];
    for (const token of probeTokens.slice(0, 10)) {
      probes.push(await client.send('GET', '/api/v1/health'));
      probes.push({ ...(await client.send('POST', `/api/v1/pulse/${token}`, body)), key: token });
      await sleep(100);
    }
    await postgres.restart();
    // The same server process recovers on its own.
    let healthy = false;
    for (let i = 0; i < 300 && !healthy; i++) {
      healthy = (await client.send('GET', '/api/v1/health')).status === 200;
      if (!healthy) await sleep(100);
    }
    expect(healthy).toBe(true);
    const outcomes = await load;
    client.close();

    expect(probes.map((p) => [p.status, Boolean(p.retryAfter), isErrorShape(p.body)])).toEqual(probes.map(() => [503, true, true]));
    const all = [...outcomes, ...probes];
    expect(all.filter((o) => o.ms > HANG_LIMIT_MS).map((o) => o.ms)).toEqual([]);
    expect(
      all.filter((o) => o.status !== 201 && o.status !== 503),
      JSON.stringify(tally(all)),
    ).toEqual([]);
    expect(all.filter((o) => o.status === 503 && !(o.retryAfter && isErrorShape(o.body)))).toEqual([]);
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);

    // Nothing half-written: one response per answered invitation; every acknowledgement stored.
    const stored = await storedAnswers(handle.db, cycleId);
    expect(stored.responses).toBe(stored.answered);
    const acked = outcomes.filter((o) => o.status === 201);
    expect(acked.filter((o) => !stored.isAnswered(o.key))).toEqual([]);

    // Every token without an acknowledgement can still answer. The only exception is a
    // commit whose reply the crash cut off: that answer is stored, and says so with 409.
    const unacknowledged = [...outcomes.filter((o) => o.status !== 201), ...probes.filter((p) => p.key !== '/api/v1/health')].map(
      (o) => o.key,
    );
    const storedWithoutAck = unacknowledged.filter((token) => stored.isAnswered(token));
    expect(storedWithoutAck.length).toBeLessThanOrEqual(20);
    const retries = await answerAll(server.url, unacknowledged, 20, body);
    expect(retries.map((r) => [r.key, r.status])).toEqual(unacknowledged.map((token) => [token, stored.isAnswered(token) ? 409 : 201]));

    const after = await storedAnswers(handle.db, cycleId);
    expect(after.responses).toBe(acked.length + unacknowledged.length);
    expect(after.answered).toBe(after.responses);
  });
});
