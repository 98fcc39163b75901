import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,db,server,client}/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
    ],
  },
});
