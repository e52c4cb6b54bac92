import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Tests run against real, freshly migrated SQLite files.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
