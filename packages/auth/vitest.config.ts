import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // argon2id is slow by design (several hashes per test) and the tests use real SQLite files:
    // 5 s is too tight on a busy 2-CPU machine.
    testTimeout: 30_000,
  },
});
