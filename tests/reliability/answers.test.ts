import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reliabilityDatabase, storedAnswers, type ReliabilityDatabase } from './support/database.js';
import { answerAll, tally } from './support/http-load.js';
import { openCycleWithTokens, seedMembers, validSubmission } from './support/known-tokens.js';
import { startApp, type RunningServer } from './support/servers.js';

describe('answers under load, on real PostgreSQL', () => {
  let database: ReliabilityDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await reliabilityDatabase();
    await seedMembers(database.db, 400, 50);
    server = await startApp(database.url);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('stores every one of 20,000 answers at 50 connections exactly once, with no 5xx', async () => {
    const { cycleId, tokens } = await openCycleWithTokens(database.db, 20_000, 'Load');
    const outcomes = await answerAll(server.url, tokens, 50, validSubmission());

    const counts = tally(outcomes);
    const created = outcomes.filter((o) => o.status === 201);
    expect(
      outcomes.filter((o) => o.status === undefined || o.status >= 500),
      JSON.stringify(counts),
    ).toEqual([]);
    // Every token was fresh, so anything but 201 would be a lost answer.
    expect(counts).toEqual({ 201: 20_000 });

    const stored = await storedAnswers(database.db, cycleId);
    expect(stored.responses).toBe(created.length);
    expect(stored.answered).toBe(created.length);
    expect(created.filter((o) => !stored.isAnswered(o.key))).toEqual([]);
  });

  it('gives exactly one 201 to 100 concurrent answers with one token', async () => {
    const { cycleId, tokens } = await openCycleWithTokens(database.db, 1, 'Race');
    const outcomes = await answerAll(server.url, Array<string>(100).fill(tokens[0]!), 100, validSubmission());

    expect(tally(outcomes)).toEqual({ 201: 1, 409: 99 });
    expect(await storedAnswers(database.db, cycleId)).toMatchObject({ responses: 1, answered: 1 });
  });
});
