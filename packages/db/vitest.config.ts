import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each migration test boots the WebAssembly schema engine and real SQLite files.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
