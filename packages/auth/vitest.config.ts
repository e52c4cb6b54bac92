import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Real databases: each file migrates a fresh SQLite file or PostgreSQL database (WebAssembly
    // schema engine) and hashes passwords with argon2id; on a loaded 2-core CI machine that takes
    // longer than vitest's 5 s default. A generous bound, not a speed expectation.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
