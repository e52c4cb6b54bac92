import type { IncomingMessage, ServerResponse } from 'node:http';
import { isbot } from 'isbot';
import { CLIENT_ADDRESS_HEADER, UNKNOWN_CLIENT } from '@newsroom/http';
import type { CachedLink } from '../resolver/link-resolver';
import type { ShortenerRuntime } from '../runtime/shortener-runtime';
import { isReservedPath } from '../validation/reserved';
import {
  articleNotLivePage,
  gonePage,
  notFoundPage,
  previewPage,
  tooManyRequestsPage,
  unavailablePage,
} from './html-pages';

/** `/<code>` or `/<code>+`, optionally with a query string (ignored). */
const SHORT_PATH = /^\/([A-Za-z0-9_-]{3,64})(\+?)(?:\?.*)?$/;

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Referrer-Policy': 'no-referrer',
};

/**
 * The hot path: answers GET/HEAD `/<code>` and `/<code>+` straight from the in-process cache,
 * in front of Next.js. Returns false for every other request, which the caller hands to Next.
 */
export function createRedirectHandler(runtime: ShortenerRuntime) {
  const { resolver, clicks, unknownLimiter, visits } = runtime;
  const isBot = memoizedBotCheck();
  visits?.open();

  /** The front server (apps/shortener/server.ts) stamped the resolved client address. */
  function clientKey(req: IncomingMessage): string {
    const stamped = req.headers[CLIENT_ADDRESS_HEADER];
    return typeof stamped === 'string' ? stamped : UNKNOWN_CLIENT;
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    code: string,
    preview: boolean,
    link: CachedLink | null,
  ) {
    if (!link) {
      unknownLimiter.hit(clientKey(req));
      return sendPage(req, res, 404, notFoundPage(code));
    }
    if (link.disabled) return sendPage(req, res, 410, gonePage(code, 'disabled'));
    if (link.articleNotLive) return sendPage(req, res, 410, articleNotLivePage(code));
    if (link.expiresAt !== null && link.expiresAt <= Date.now()) {
      return sendPage(req, res, 410, gonePage(code, 'expired'));
    }
    if (preview) return sendPage(req, res, 200, previewPage(code, link.url));
    // Counted before the response is written: a client that saw the redirect was counted.
    if (req.method === 'GET' && !isBot(req.headers['user-agent'])) {
      const now = Date.now();
      // Only coarse keys leave here (see visits/): no address or user agent is kept.
      const details = visits?.classify(link.id, now, {
        userAgent: req.headers['user-agent'],
        referer: req.headers.referer,
        address: clientKey(req),
      });
      clicks.record(link.id, now, details);
    }
    res.writeHead(link.redirectType, {
      Location: link.url,
      // Temporary redirects must come back here (to be counted, and to see later changes).
      'Cache-Control':
        link.redirectType === 301 || link.redirectType === 308
          ? 'public, max-age=3600'
          : 'no-store',
      'Content-Length': '0',
    });
    res.end();
  }

  return function handleShortLink(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const match = SHORT_PATH.exec(req.url ?? '');
    const code = match?.[1];
    if (!code || isReservedPath(code)) return false;
    const preview = match[2] === '+';

    const limit = unknownLimiter.check(clientKey(req));
    if (!limit.allowed) {
      res.setHeader('Retry-After', String(limit.retryAfterSeconds));
      sendPage(req, res, 429, tooManyRequestsPage(limit.retryAfterSeconds));
      return true;
    }

    const resolved = resolver.resolve(code);
    if (!(resolved instanceof Promise)) {
      respond(req, res, code, preview, resolved);
      return true;
    }
    resolved.then(
      (link) => respond(req, res, code, preview, link),
      (error: unknown) => {
        console.error(`Short link lookup failed for "${code}":`, error);
        sendPage(req, res, 503, unavailablePage());
      },
    );
    return true;
  };
}

function sendPage(req: IncomingMessage, res: ServerResponse, status: number, html: string) {
  const body = Buffer.from(html);
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** isbot runs a large regular expression; browsers send few distinct user agents, so remember them. */
function memoizedBotCheck(maxEntries = 2_000) {
  const seen = new Map<string, boolean>();
  return (userAgent: string | undefined): boolean => {
    if (!userAgent) return false;
    let result = seen.get(userAgent);
    if (result === undefined) {
      result = isbot(userAgent);
      if (seen.size >= maxEntries) seen.clear();
      seen.set(userAgent, result);
    }
    return result;
  };
}
