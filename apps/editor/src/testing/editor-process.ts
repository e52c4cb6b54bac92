// The real editor (server.ts + the built Next.js app) for this app's integration tests, through the
// shared starter in @newsroom/testing.
import { startApp, type AppServer } from '@newsroom/testing';

export type EditorProcess = AppServer;

export function startEditor(databaseUrl: string, env: Record<string, string> = {}) {
  // The short-link service is not part of these tests.
  return startApp('editor', databaseUrl, { env: { SHORTENER_URL: 'http://127.0.0.1:9', ...env } });
}
