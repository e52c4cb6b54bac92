import { configDefaults, defineConfig } from 'vitest/config';

// Shared by every workspace's vitest.config.ts. Tests use real databases (a fresh migrated SQLite
// file or PostgreSQL database per suite, the WebAssembly schema engine) and argon2id; turbo runs
// every workspace's tests at once on a 2-core machine, so the 5 s default is too tight. These are
// ceilings, not speed targets: they catch a hang. A test that takes 5 s alone took over 60 s in a
// CI run (every suite at once on two cores), and the heaviest take 40 s on such a machine here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // PostgreSQL-only tests belong to `npm run test:postgres` (TEST_DATABASE_URL set); the SQLite
    // run leaves them out instead of reporting them as skipped.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.TEST_DATABASE_URL
        ? []
        : ['src/**/postgres.test.ts', 'src/**/*.postgres.test.ts']),
    ],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // STATE_WAIT_MS of @newsroom/testing (this file is loaded before packages can be imported).
    expect: { poll: { timeout: 60_000 } },
  },
});
