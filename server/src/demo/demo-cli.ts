// `npm run demo` (before `npm start`): fills an empty database with the demo organisation.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '@pulse/db';
import { pino } from 'pino';
import { loadConfig, readDotEnv } from '../config.js';
import { createMailer } from '../plugins/mail.js';
import { demoAccounts } from './demo-organisation.js';
import { hasData, seedDemo } from './seed-demo.js';

// The same settings `npm start` then serves with, .env included.
readDotEnv();
const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(handle.db);
  if (await hasData(handle.db)) {
    console.log('The database already holds an organisation: no demo data added.');
  } else {
    const started = Date.now();
    const mailer = createMailer(config);
    const log = pino({ level: 'warn' });
    const summary = await seedDemo({ db: handle.db, mailer, publicUrl: config.publicUrl, log, settings: config });
    const link = mailer.mode === 'outbox' ? await samplePulseLink(mailer.outboxDir) : undefined;
    const bar = '='.repeat(72);
    console.log(
      [
        bar,
        `Demo organisation ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.teams} teams, ` +
          `${summary.members} members, ${summary.cycles} closed monthly pulses (${summary.responses} answers, ${summary.partnerRatings} partner ratings) and one open pulse.`,
        `Sign in at ${config.publicUrl}/login with password "${demoAccounts.password}" as:`,
        `  admin   ${demoAccounts.admin.email}`,
        `  HR      ${demoAccounts.hr.email}`,
        ...demoAccounts.leaders.map((l) => `  leader  ${l.email} (${l.leads})`),
        ...(link ? ["Answer this month's pulse as one of the members:", `  ${link}`] : []),
        "See what a Legal member sees of last month's pulse (results, actions, the leader's note):",
        `  ${config.publicUrl}/p/${summary.resultsToken}`,
        "Read and answer a Legal comment's anonymous conversation with its leader, as its author:",
        `  ${config.publicUrl}/c/${summary.conversationToken}`,
        bar,
      ].join('\n'),
    );
  }
} finally {
  await handle.close();
}

/** One member's pulse link from the outbox, for trying the pulse page. */
async function samplePulseLink(dir: string): Promise<string | undefined> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.eml')).sort();
  for (const name of names) {
    const text = (await readFile(path.join(dir, name), 'utf8')).replace(/=\r?\n/g, '');
    const link = /https?:\/\/\S+?\/p\/[A-Za-z0-9_-]{43}/.exec(text);
    if (link) return link[0];
  }
  return undefined;
}
