import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // argon2id is slow by design (several hashes per test) and each file migrates a real SQLite
    // file or PostgreSQL database: vitest's 5 s / 10 s defaults are too tight on a busy 2-CPU
    // machine. A generous bound, not a speed expectation.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
