import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Migrating a fresh SQLite file and hashing a password with argon2id take well over the
    // default 5 s when the machine is busy (turbo runs every workspace's tests at once).
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
