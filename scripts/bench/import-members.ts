// `npm run bench:import [-- --rows 50000]`: imports a generated member CSV through the real
// route (POST /api/v1/members/import) on a fresh embedded database, or on DATABASE_URL when
// set, and prints the time. The target is 50,000 rows in under 10 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@pulse/server';
import { loadConfig } from '@pulse/server/config';
import { hashToken, newToken, SESSION_COOKIE } from '@pulse/server/plugins/auth';

const TARGET_MS = 10_000;
const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' } } });
const rows = Number(values.rows);

/** `rows` members across 50 departments of 10 teams each, with a few leaders. */
function memberCsv(count: number, renamed = false): string {
  const lines = ['email,name,team,role'];
  for (let i = 0; i < count; i++) {
    const team = `Department ${i % 50}/Team ${(i >> 6) % 10}`;
    lines.push(
      `person${i}@example.test,"Person ${i}${renamed && i % 10 === 0 ? ', renamed' : ''}",${team},${i % 500 === 0 ? 'leader' : 'member'}`,
    );
  }
  return lines.join('\r\n');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'pulse-bench-import-'));
const app = await buildApp(loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
try {
  const hr = await app.db
    .insertInto('users')
    .values({ email: `bench-hr-${Date.now()}@example.test`, name: 'Bench HR', role: 'hr', team_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = newToken();
  await app.db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: hr.id })
    .execute();
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, origin: app.config.publicUrl, 'content-type': 'text/csv' };

  const run = async (label: string, csv: string) => {
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/members/import', headers, payload: csv });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const { created, updated, unchanged, teamsCreated } = res.json();
    console.log(
      `${label.padEnd(22)} ${rows} rows in ${(ms / 1000).toFixed(2)} s (${app.dbKind}) ` +
        `created ${created}, updated ${updated}, unchanged ${unchanged}, teams created ${teamsCreated}` +
        `  ${ms < TARGET_MS ? 'OK' : 'OVER'} (target < ${TARGET_MS / 1000} s)`,
    );
    return ms;
  };
  const first = await run('first import', memberCsv(rows));
  const second = await run('re-import, 10% renamed', memberCsv(rows, true));
  process.exitCode = Math.max(first, second) < TARGET_MS ? 0 : 1;
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
