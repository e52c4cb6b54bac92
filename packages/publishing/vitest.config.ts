import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file migrates a fresh SQLite file with the WebAssembly schema engine.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
