// The shortener's own HTTP server. Redirects are the hot path and are answered here, in front of
// Next.js (whose request pipeline is ~25x slower for a redirect); every other request goes to Next.
import { createServer } from 'node:http';
import next from 'next';
import { prepareDatabase } from '@newsroom/db/migrate';

const port = Number(process.env.SHORTENER_PORT ?? process.env.PORT ?? 3001);
const hostname = process.env.HOST ?? '127.0.0.1';
const dev = process.env.NODE_ENV !== 'production';

async function main() {
  await prepareDatabase();
  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    void handleWithNext(req, res);
  });
  server.listen(port, hostname, () => {
    console.log(`Shortener ready on http://${hostname}:${port}`);
  });

  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
