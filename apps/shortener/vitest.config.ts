import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Scale-out across instances needs PostgreSQL: those files run under `npm run test:postgres`.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DATABASE_URL ? [] : ['src/**/*.postgres.test.ts']),
    ],
    // Each file starts the real server (Next.js production build) against a fresh SQLite file.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
