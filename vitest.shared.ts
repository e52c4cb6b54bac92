import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import {
  APP_HOOK_CEILING_MS,
  STATE_WAIT_MS,
  TEST_CEILING_MS,
} from './packages/testing/src/waiting';

// Shared by every workspace's vitest.config.ts. turbo runs every workspace's tests at once on a
// 2-core machine, so vitest's defaults (5 s a test, 1 s a poll) are too tight: the ceilings here
// catch a hang, they are not speed targets (packages/testing/src/waiting.ts says why each).
const shared = defineConfig({
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
    testTimeout: TEST_CEILING_MS,
    hookTimeout: TEST_CEILING_MS,
    expect: { poll: { timeout: STATE_WAIT_MS } },
  },
});

export default shared;

/** The apps' own: their integration tests start the real app (Next.js production build) in hooks. */
export const appsConfig = mergeConfig(
  shared,
  defineConfig({ test: { hookTimeout: APP_HOOK_CEILING_MS } }),
);
