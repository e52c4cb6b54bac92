import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '@newsroom/testing';

// Set by scripts/run.ts, which also prepares the throw-away database.
const editorUrl = requireEnv('EDITOR_URL');
const shortenerUrl = requireEnv('SHORTENER_URL');
const repoRoot = path.resolve(import.meta.dirname, '..');

// Debian's Chromium when the machine has it (no browser download possible offline);
// Playwright's own browser otherwise (`npx playwright install chromium` on a laptop).
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS }
  : {};

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: editorUrl,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    {
      command: 'npm run start --workspace @newsroom/editor',
      cwd: repoRoot,
      url: editorUrl,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: 'npm run start --workspace @newsroom/shortener',
      cwd: repoRoot,
      url: shortenerUrl,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
  ],
});

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite with \`npm run e2e\``);
  return value;
}
