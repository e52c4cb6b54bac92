import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each file starts the real server (Next.js production build) against a fresh SQLite file.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
