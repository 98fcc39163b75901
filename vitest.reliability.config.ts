import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: load, race, crash, shutdown, fuzz, back-pressure and two
// instances against a real PostgreSQL the suite starts itself. Files run one at a time, since
// each one loads the machine on purpose.
export default defineConfig({
  test: {
    name: 'reliability',
    include: ['tests/reliability/**/*.test.ts'],
    env: { TEST_DB: 'postgres' },
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
