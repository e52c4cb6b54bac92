import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Every test file migrates a real SQLite database first.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
