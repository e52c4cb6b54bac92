// The real editor (server.ts + the built Next.js app) for this app's integration tests, through the
// shared starter in @newsroom/testing.
import path from 'node:path';
import { startAppServer, type AppServer } from '@newsroom/testing';

const appDir = path.resolve(import.meta.dirname, '../..');

export type EditorProcess = AppServer;

export function startEditor(databaseUrl: string, env: Record<string, string> = {}) {
  return startAppServer({
    appDir,
    portVariable: 'EDITOR_PORT',
    readyText: 'Editor ready on',
    databaseUrl,
    // The short-link service is not part of these tests.
    env: { SHORTENER_URL: 'http://127.0.0.1:9', ...env },
  });
}
