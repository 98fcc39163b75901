import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './tests/support/postgres-server.js';

// `npm run test:reliability` (also the last step of `npm test`): load, race, crash, shutdown,
// fuzz, back-pressure and two instances against a real PostgreSQL the suite starts itself.
// Files run one at a time, since each one loads the machine on purpose.
const postgres = Boolean(process.env.TEST_DATABASE_URL || findPostgresBin());
if (!postgres && process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL server binaries were found: install the postgresql package.');
}
if (!postgres) console.warn('\n!!! PostgreSQL server binaries not found: SKIPPING the reliability suite. !!!\n');

export default defineConfig({
  test: {
    name: 'reliability',
    include: postgres ? ['tests/reliability/**/*.test.ts'] : [],
    passWithNoTests: !postgres,
    env: { TEST_DB: 'postgres' },
    globalSetup: postgres ? ['tests/support/global-setup.ts'] : [],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
