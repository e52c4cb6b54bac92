// The editor's own HTTP server, in front of Next.js. It resolves the client's address once (behind
// the proxies TRUSTED_PROXIES names) and hands every request to Next.
import { createServer } from 'node:http';
import next from 'next';
import { prepareDatabase } from '@newsroom/db/migrate';
import { stampClientAddress, trustedProxiesFromEnv } from '@newsroom/http';
import { startPublishingScheduler } from './src/publishing/publishing-scheduler';

const port = Number(process.env.EDITOR_PORT ?? process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const dev = process.env.NODE_ENV !== 'production';
/** How long a shutdown waits for open requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

async function main() {
  await prepareDatabase();
  const trust = trustedProxiesFromEnv();

  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    stampClientAddress(req, trust);
    void handleWithNext(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`Editor ready on http://${hostname}:${port}`);
  });
  // Scheduled publishing runs in every editor process; each schedule is claimed in the database.
  const scheduler = startPublishingScheduler();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void scheduler.stop();
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearTimeout(force);
      console.log(`Editor stopped (${signal}).`);
      process.exit(0);
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
