// The editor's own HTTP server, in front of Next.js. Reader pages are answered here from the
// reader-page cache (Next.js renders each page once per change); every other request gets its
// security headers and the client's address (behind the proxies TRUSTED_PROXIES names) and goes
// to Next.
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import next from 'next';
import { isCrossSiteMutation } from '@newsroom/auth';
import { getDb } from '@newsroom/db';
import { prepareDatabase } from '@newsroom/db/migrate';
import {
  answerMalformedPath,
  answerMethodNotAllowed,
  answerUnknownApiPath,
  answerUnavailableOnServerError,
  answerUnsupportedMethod,
  applySecurityHeaders,
  exitOnListenFailure,
  portFromEnv,
  readerSiteUrl,
  servedOverHttps,
  shortenerSiteUrl,
  stampClientAddress,
  trustedProxiesFromEnv,
  readRouteMethods,
  toOriginForm,
} from '@newsroom/http';
import {
  createReaderPageCache,
  isReaderPageRender,
  readerCacheSettingsFromEnv,
} from '@newsroom/reader-cache';
import { convertDocumentsOn, createImportThread } from '@newsroom/import/thread';
import { announceArticleLinksChanged, deletedCodeReserveDaysFromEnv } from '@newsroom/links';
import { onLiveChange } from '@newsroom/publishing';
import { startFailureReport } from '@newsroom/settings';
import { processSharedState } from '@newsroom/shared-state';
import { audienceOf } from './src/front-server/audience';
import { collabConnectSources } from './src/newsroom/collab/collab-url';
import { startPublishingScheduler } from './src/publishing/publishing-scheduler';

const hostname = process.env.HOST ?? '127.0.0.1';
const dev = process.env.NODE_ENV !== 'production';
/** How long a shutdown waits for open requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Where this server reaches itself: a wildcard listen address is reachable on loopback. */
function ownOrigin(port: number): string {
  const host = ['0.0.0.0', '::', ''].includes(hostname) ? '127.0.0.1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function main() {
  // A wrong EDITOR_URL / SHORTENER_URL stops the start with a message naming it, rather than
  // breaking every absolute link later; so does a wrong SHORTENER_DELETED_CODE_DAYS (deleting a
  // draft reserves its short link's code) rather than failing each deletion.
  const port = portFromEnv(process.env, ['EDITOR_PORT', 'PORT'], 3000);
  readerSiteUrl();
  shortenerSiteUrl();
  deletedCodeReserveDaysFromEnv();
  await prepareDatabase();
  const trust = trustedProxiesFromEnv();
  // Invalidations reach every instance: Redis (REDIS_URL), PostgreSQL LISTEN/NOTIFY, or the
  // ChangeEvent table on SQLite.
  const shared = processSharedState();
  await shared.ready();
  // Not in development: an edited component must show on the next reload.
  const readerPages = dev
    ? null
    : createReaderPageCache({
        renderOrigin: ownOrigin(port),
        changes: shared.changes,
        https: (req) => servedOverHttps(req, trust),
        ...readerCacheSettingsFromEnv(),
      });

  // Imported documents are converted on a thread of their own: a large one is seconds of work
  // that would otherwise hold every request, reader pages included.
  const importThread = createImportThread();
  convertDocumentsOn(importThread);

  const collabSources = collabConnectSources(process.env.COLLAB_URL);
  const app = next({ dev, dir: import.meta.dirname, hostname, port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const routeMethods = readRouteMethods(path.join(import.meta.dirname, 'app'));
  // A cross-site mutation gets the Origin check's 403 from Next.js first, as on every path.
  const refusedFirst = (request: IncomingMessage) =>
    isCrossSiteMutation(request.method ?? 'GET', request.headers);
  const server = createServer((req, res) => {
    toOriginForm(req);
    if (readerPages?.handle(req, res)) return;
    stampClientAddress(req, trust);
    // The cache's own render gets no nonce: the cached page is allowed its scripts by hash.
    if (!isReaderPageRender(req)) {
      const audience = audienceOf(req.url);
      applySecurityHeaders(req, res, {
        audience,
        https: servedOverHttps(req, trust),
        // The edit page's live co-editing connection; reader pages connect nowhere else.
        connectSources: audience === 'staff' ? collabSources : [],
      });
    }
    if (answerUnsupportedMethod(req, res)) return;
    // Next.js answers a path it cannot decode (`/%C3`) with a bare 500.
    if (answerMalformedPath(req, res)) return;
    // A method the route handler does not export: Next.js would answer a bare, empty 405.
    if (answerMethodNotAllowed(req, res, routeMethods, { refusedFirst })) return;
    if (answerUnknownApiPath(req, res, routeMethods, { refusedFirst })) return;
    // The first page to meet a database outage answers 503 like every later one.
    answerUnavailableOnServerError(req, res);
    void handleWithNext(req, res);
  });
  exitOnListenFailure(server, 'Editor', 'EDITOR_PORT');
  server.listen(port, hostname, () => {
    console.log(`Editor ready on http://${hostname}:${port} (shared state: ${shared.transport})`);
  });
  // An article's canonical short links follow its live version: shortener instances reached by
  // the shared change feed forget them at once (the others within their cache TTL).
  const stopFollowingArticles = onLiveChange((change) =>
    announceArticleLinksChanged(getDb(), shared.changes, change.articleId),
  );
  // Scheduled publishing runs in every editor process; each schedule is claimed in the database.
  const scheduler = startPublishingScheduler();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void scheduler.stop();
    stopFollowingArticles();
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearTimeout(force);
      readerPages?.close();
      void Promise.all([shared.close(), importThread.close()]).finally(() => {
        console.log(`Editor stopped (${signal}).`);
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(startFailureReport(error));
  process.exit(1);
});
