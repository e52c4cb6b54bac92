import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Migrates a real SQLite file or PostgreSQL database and hashes a password with argon2id:
    // vitest's 5 s / 10 s defaults are too tight when turbo runs every package's tests (and the
    // shortener's build) at once on 2 CPUs. A generous bound, not a speed expectation.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
