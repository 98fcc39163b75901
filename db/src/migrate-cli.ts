import { existsSync } from 'node:fs';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './connect.js';

// `npm run db:migrate`: the same migrations the server applies at start-up, on the same
// database (DATABASE_URL or DATA_DIR, from the environment or a local .env).
if (existsSync('.env')) process.loadEnvFile('.env');
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
