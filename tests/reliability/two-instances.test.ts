import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '@pulse/server';
import { hashPassword } from '@pulse/server/features/auth/password';
import { hashToken } from '@pulse/server/plugins/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox, type OutboxMail } from '../support/pulse.js';
import { reliabilityDatabase, type ReliabilityDatabase } from './support/database.js';
import { answerAll, tally } from './support/http-load.js';
import { currentQuestionnaireVersion, seedMembers, validSubmission } from './support/known-tokens.js';
import { startApp, type RunningServer } from './support/servers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MEMBERS = 20 * 15;
const PASSWORD = 'two instances, one database';

/** The .eml files an instance wrote to DATA_DIR/outbox (readOutbox only needs the folder). */
const outboxOf = (dataDir: string): Promise<OutboxMail[]> =>
  readOutbox({ mailer: { outboxDir: path.join(dataDir, 'outbox') } } as unknown as App);

describe('two instances on one PostgreSQL', () => {
  let database: ReliabilityDatabase;
  const servers: RunningServer[] = [];
  const dataDirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'pulse-instance-')));
  beforeAll(async () => {
    database = await reliabilityDatabase();
    await seedMembers(database.db, 20, 15);
    await database.db
      .insertInto('users')
      .values({ email: 'hr@two.example', name: 'HR', role: 'hr', password_hash: await hashPassword(PASSWORD) })
      .execute();
    // A cycle whose opening time has passed: both schedulers will race to open it and mail it.
    await database.db
      .insertInto('cycles')
      .values({
        label: 'Both instances',
        opens_at: new Date(Date.now() - 60_000),
        closes_at: new Date(Date.now() + 7 * 86_400_000),
        all_teams: true,
        questionnaire_version: await currentQuestionnaireVersion(database.db),
      })
      .execute();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it('both serve answers and sessions, and the schedulers send each invitation exactly once', async () => {
    // development: the scheduler runs, and its first pass starts as soon as each one is up.
    servers.push(...(await Promise.all(dataDirs.map((dir) => startApp(database.url, { NODE_ENV: 'development', DATA_DIR: dir })))));

    for (let i = 0; i < 300; i++) {
      if ((await Promise.all(dataDirs.map(outboxOf))).flat().length >= MEMBERS) break;
      await sleep(200);
    }
    await sleep(1_000); // a duplicate, if there were one, would have had time to land
    const mails = await Promise.all(dataDirs.map(outboxOf));
    const all = mails.flat();
    console.info(`invitations mailed by each instance: ${mails.map((m) => m.length).join(' + ')} = ${all.length}`);
    expect(all.length).toBe(MEMBERS);
    expect(new Set(all.map((m) => m.to)).size).toBe(MEMBERS);
    const tokens = all.map((m) => m.token!);
    const hashes = new Set((await database.db.selectFrom('invitations').select('token_hash').execute()).map((r) => r.token_hash));
    expect(tokens.filter((token) => !hashes.has(hashToken(token)))).toEqual([]);

    // Half the links answered through each instance.
    const body = validSubmission();
    const outcomes = [
      ...(await answerAll(servers[0]!.url, tokens.slice(0, MEMBERS / 2), 10, body)),
      ...(await answerAll(servers[1]!.url, tokens.slice(MEMBERS / 2), 10, body)),
    ];
    expect(tally(outcomes)).toEqual({ 201: MEMBERS });

    // A session started on one instance is valid on the other.
    const login = await fetch(`${servers[0]!.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hr@two.example', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${servers[1]!.url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('hr@two.example');
  });
});
