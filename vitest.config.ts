import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { findPostgresBin } from './tests/support/postgres-server.js';

const integration = (backend: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: backend,
    include: ['tests/integration/**/*.test.ts'],
    env: { TEST_DB: backend },
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      include: ['{shared,db,server,client}/src/**/*.test.{ts,tsx}'],
      environment: 'node',
    },
  },
  integration('pglite'),
];

// PostgreSQL is required in CI; elsewhere a missing server skips its suites, loudly.
if (process.env.TEST_DATABASE_URL || findPostgresBin()) {
  projects.push(integration('postgres'));
} else if (process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL server binaries were found: install the postgresql package.');
} else {
  console.warn('\n!!! PostgreSQL server binaries not found: SKIPPING the PostgreSQL integration suites. !!!\n');
}

export default defineConfig({ test: { projects } });
