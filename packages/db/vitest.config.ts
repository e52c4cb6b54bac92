import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // PostgreSQL-only tests (migrations on a server) belong to `npm run test:postgres`; the
    // SQLite run leaves them out instead of reporting them as skipped.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DATABASE_URL ? [] : ['src/**/postgres.test.ts']),
    ],
    // Each migration test boots the WebAssembly schema engine and real SQLite files.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
