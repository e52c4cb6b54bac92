// The shortener's own HTTP server. Redirects are the hot path and are answered here, in front of
// Next.js (whose request pipeline is ~25x slower for a redirect); every other request goes to Next,
// which runs in a worker thread so that its per-request machinery never slows the redirects down
// (src/next-host/next-worker.ts says why).
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { isSqlite, resolveDatabaseUrl } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import {
  answerMalformedPath,
  answerMethodNotAllowed,
  answerUnknownApiPath,
  answerUnsupportedMethod,
  applySecurityHeaders,
  exitOnListenFailure,
  portFromEnv,
  resolveClientAddress,
  servedOverHttps,
  stampClientAddress,
  trustedProxiesFromEnv,
  readRouteMethods,
  toOriginForm,
} from '@newsroom/http';
import { caseClashMessage, createRedirectHandler, getShortenerRuntime } from '@newsroom/links';
import { createSqliteStatementThread } from '@newsroom/links/statement-thread';
import { isCrossSiteMutation } from '@newsroom/auth';
import { startFailureReport } from '@newsroom/settings';
import { isLinkApiPath } from './src/api/link-api-path';
import { startNextHost } from './src/next-host/next-host';

const hostname = process.env.HOST ?? '127.0.0.1';
const dev = process.env.NODE_ENV !== 'production';
/** How long a shutdown waits for open requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

/** `/<one segment>`: where short codes live. */
function isShortCodePath(path: string): boolean {
  return /^\/[^/]*$/.test(path);
}

async function main() {
  const port = portFromEnv(process.env, ['SHORTENER_PORT', 'PORT'], 3001);
  await prepareDatabase();
  // The redirect thread's runtime: its cache, click buffer and rate limits serve the redirects.
  const runtime = getShortenerRuntime();
  // On SQLite, click flushes run on a thread of their own: libsql runs a statement on the calling
  // thread, and a flush would hold up every redirect meanwhile.
  const databaseUrl = resolveDatabaseUrl();
  const clickWriter = isSqlite(databaseUrl) ? createSqliteStatementThread(databaseUrl) : undefined;
  if (clickWriter) {
    runtime.clicks.runStatementsWith(clickWriter.run);
    await clickWriter.start();
  }
  // Before the first redirect: codes that clashed by case before they were case-insensitive are
  // learnt (looked up by exact spelling) and reported to the operator.
  const caseReport = await runtime.reconcileCaseKeys();
  if (caseReport.clashes.length > 0 || caseReport.claimed.length > 0) {
    console.warn(caseClashMessage(caseReport));
  }
  const trust = trustedProxiesFromEnv();
  const isHttps = (req: IncomingMessage) => servedOverHttps(req, trust);
  // Resolved only when a redirect needs it (unknown codes, blocked clients), not per redirect.
  const handleShortLink = createRedirectHandler(runtime, {
    clientAddress: (req) =>
      resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust),
    https: isHttps,
  });

  const nextHost = await startNextHost({
    dir: import.meta.dirname,
    dev,
    hostname,
    port,
    // Changes made through the API or the staff pages reach this thread's cache at once.
    onLinkChanged: (code) => runtime.resolver.invalidate(code),
  });

  // Listen only once other instances' link changes reach this one.
  await runtime.ready();
  // Then the most clicked links into the cache (a change arriving meanwhile wins over the read).
  const warmed = await runtime.warmCache();
  if (warmed > 0) console.log(`Link cache warmed with the ${warmed} most clicked link(s).`);

  const routeMethods = readRouteMethods(path.join(import.meta.dirname, 'app'));
  // A cross-site mutation gets the Origin check's 403 from Next.js first (the link API, called
  // with API keys, has no Origin check).
  const refusedFirst = (request: IncomingMessage, pathname: string) =>
    !isLinkApiPath(pathname) && isCrossSiteMutation(request.method ?? 'GET', request.headers);
  const server = createServer((req, res) => {
    toOriginForm(req);
    if (handleShortLink(req, res)) return;
    stampClientAddress(req, trust); // Next code reads the client from this header only
    // Everything Next.js answers here is for staff (links, stats, login, API): never framed.
    applySecurityHeaders(req, res, { audience: 'staff', https: isHttps(req), development: dev });
    if (answerUnsupportedMethod(req, res)) return;
    // Next.js answers a path it cannot decode (`/links/%C3`) with a bare 500. One segment is a
    // short code that cannot exist: 404, as for any unknown code.
    if (answerMalformedPath(req, res, { notFound: isShortCodePath })) return;
    // A method the route handler does not export: Next.js would answer a bare, empty 405.
    if (answerMethodNotAllowed(req, res, routeMethods, { refusedFirst })) return;
    if (answerUnknownApiPath(req, res, routeMethods, { refusedFirst })) return;
    nextHost.forward(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    stampClientAddress(req, trust);
    nextHost.forwardUpgrade(req, socket, head);
  });
  exitOnListenFailure(server, 'Shortener', 'SHORTENER_PORT');
  server.listen(port, hostname, () => {
    console.log(`Shortener ready on http://${hostname}:${port}`);
  });

  // A clean stop loses no click: stop accepting, let open requests finish (each redirect counts
  // its click before answering), then write what is still pending.
  let stopping = false;
  const shutdown = (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(async () => {
      clearTimeout(force);
      const pending = runtime.clicks.pendingClicks;
      try {
        await runtime.clicks.flush();
        // A failed flush puts its clicks back instead of throwing (the next one retries them):
        // what is still pending now was not written, and goes with the process.
        const unwritten = runtime.clicks.pendingClicks;
        if (unwritten > 0) throw new Error(`${unwritten} click(s) not written`);
        // Their clicks written, details can still fail (a statement of their own): stats would
        // show those clicks as "(not recorded)".
        const undescribed = runtime.clicks.pendingVisitDetails;
        if (undescribed > 0) {
          console.error(
            `Shortener stopped (${signal}) but could not write the visit details of ${undescribed} click(s); the clicks themselves were written.`,
          );
          process.exit(1);
        }
        await Promise.all([runtime.close(), nextHost.close(), clickWriter?.close()]);
        console.log(`Shortener stopped (${signal}); wrote ${pending} pending click(s).`);
        process.exit(exitCode);
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
  void nextHost.exited.then((code) => {
    if (stopping) return;
    console.error(`Next.js worker stopped (${code}); stopping the shortener.`);
    shutdown('Next.js worker exit', 1);
  });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(startFailureReport(error));
  process.exit(1);
});
