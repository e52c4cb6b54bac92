// The shortener's own HTTP server. Redirects are the hot path and are answered here, in front of
// Next.js (whose request pipeline is ~25x slower for a redirect); every other request goes to Next.
import { createServer } from 'node:http';
import next from 'next';
import { prepareDatabase } from '@newsroom/db/migrate';
import { stampClientAddress, trustedProxiesFromEnv } from '@newsroom/http';
import { createRedirectHandler, getShortenerRuntime } from '@newsroom/links';

const port = Number(process.env.SHORTENER_PORT ?? process.env.PORT ?? 3001);
const hostname = process.env.HOST ?? '127.0.0.1';
const dev = process.env.NODE_ENV !== 'production';
/** How long a shutdown waits for open requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

async function main() {
  await prepareDatabase();
  // Created here, before Next loads: the route handlers (a bundled copy of @newsroom/links) find
  // this same runtime on globalThis, so their changes invalidate the cache the redirects read.
  const runtime = getShortenerRuntime();
  const handleShortLink = createRedirectHandler(runtime);

  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const trust = trustedProxiesFromEnv();
  const server = createServer((req, res) => {
    stampClientAddress(req, trust);
    if (!handleShortLink(req, res)) void handleWithNext(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`Shortener ready on http://${hostname}:${port}`);
  });

  // A clean stop loses no click: stop accepting, let open requests finish (each redirect counts
  // its click before answering), then write what is still pending.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(async () => {
      clearTimeout(force);
      const pending = runtime.clicks.pendingClicks;
      try {
        await runtime.clicks.flush();
        console.log(`Shortener stopped (${signal}); wrote ${pending} pending click(s).`);
        process.exit(0);
      } catch (error) {
        console.error(
          `Shortener stopped (${signal}) but could not write ${pending} click(s):`,
          error,
        );
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
