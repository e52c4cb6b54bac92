// The real shortener (server.ts + the built Next.js app) for this app's integration tests, through
// the shared starter in @newsroom/testing; it knows its own URL (SHORTENER_URL).
import { startApp, type AppServer } from '@newsroom/testing';

export type ShortenerProcess = AppServer;

export function startShortener(databaseUrl: string, env: Record<string, string> = {}) {
  return startApp('shortener', databaseUrl, { urlVariable: 'SHORTENER_URL', env });
}
