import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Migrates a real SQLite file and hashes a password with argon2id: 5 s is too tight when
    // turbo runs every package's tests (and the shortener's build) at once on 2 CPUs.
    testTimeout: 30_000,
  },
});
