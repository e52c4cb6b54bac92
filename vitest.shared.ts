import { defineConfig } from 'vitest/config';

// Shared by every workspace's vitest.config.ts. Tests use real databases (a fresh migrated SQLite
// file per suite, the WebAssembly schema engine) and argon2id; turbo runs every workspace's tests at
// once on a 2-core machine, so the 5 s default is too tight. These are ceilings, not speed targets.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
