import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PostgreSQL-only tests belong to `npm run test:postgres` (TEST_DATABASE_URL set).
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DATABASE_URL ? [] : ['src/**/*.postgres.test.ts']),
    ],
    // Tests run against real, freshly migrated SQLite files.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
