import type { IncomingMessage, ServerResponse } from 'node:http';
import { isbot } from 'isbot';
import { outageLog, securityHeaders, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@newsroom/http';
import { forwardedLocation } from '../forwarding/merge-query';
import type { CachedLink } from '../resolver/link-resolver';
import type { ShortenerRuntime } from '../runtime/shortener-runtime';
import { isReservedPath } from '../validation/reserved';
import { MAX_REMEMBERED_HEADER_LENGTH } from '../visits/header-memo';
import {
  articleNotLivePage,
  gonePage,
  notFoundPage,
  previewPage,
  tooManyRequestsPage,
  unavailablePage,
} from './html-pages';

/** `/<code>` or `/<code>+`, optionally with a query string (forwarded when the link says so). */
const SHORT_PATH = /^\/([A-Za-z0-9_-]{3,64})(\+?)(?:\?.*)?$/;

/**
 * A percent-encoded letter, digit, "-" or "_" (`%2D`, `%5f`, `%41`): the same character as
 * written plainly (RFC 3986 §6.2.2.2), which some mail and chat clients encode anyway.
 */
const ESCAPED_CODE_CHARACTER = /%(2d|5f|3[0-9]|[46][1-9a-f]|[57][0-9a])/gi;

/** The request target with its path's escaped code characters decoded (the query as written). */
function decodeCodeCharacters(target: string): string {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const decoded = path.replace(ESCAPED_CODE_CHARACTER, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return queryAt === -1 ? decoded : decoded + target.slice(queryAt);
}

/** `[target, code, "+" or ""]` for a short-link request target, or null for anything else. */
function matchShortPath(target: string): RegExpExecArray | null {
  const match = SHORT_PATH.exec(target);
  if (match || !target.includes('%')) return match;
  return SHORT_PATH.exec(decodeCodeCharacters(target));
}

/** The redirect server's own pages (404, 410, 429, `+` preview): no scripts at all. */
function pageHeaders(https: boolean): Record<string, string> {
  return {
    ...securityHeaders({ audience: 'public', https, scripts: { kind: 'none' } }),
    // A preview page links to the destination: that site learns nothing about where from.
    'Referrer-Policy': 'no-referrer',
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  };
}
const PAGE_HEADERS = { http: pageHeaders(false), https: pageHeaders(true) };
/**
 * Redirects carry no body to protect: they get the Permissions-Policy every response of ours has
 * and, over https, HSTS to keep the browser on https. Built once, not per redirect.
 */
const HTTPS_HEADERS = securityHeaders({
  audience: 'public',
  https: true,
  scripts: { kind: 'none' },
});
const REDIRECT_PERMISSIONS_POLICY = HTTPS_HEADERS['Permissions-Policy']!;
const REDIRECT_HSTS = HTTPS_HEADERS['Strict-Transport-Security']!;

export type RedirectHandlerOptions = {
  /**
   * The client's address (behind trusted proxies: @newsroom/http's resolveClientAddress). Called
   * only when needed (an unknown code, while some client is blocked), never per redirect.
   */
  clientAddress: (req: IncomingMessage) => string;
  /** Whether this request came over https (directly or through a trusted proxy). */
  https?: (req: IncomingMessage) => boolean;
};

/**
 * The hot path: answers GET/HEAD `/<code>` and `/<code>+` straight from the in-process cache,
 * in front of Next.js. Returns false for every other request, which the caller hands to Next.
 */
export function createRedirectHandler(
  runtime: ShortenerRuntime,
  { clientAddress, https }: RedirectHandlerOptions,
) {
  const { resolver, clicks, unknownCodes, visits } = runtime;
  const isHttps = https ?? (() => false);
  const sendPage = (req: IncomingMessage, res: ServerResponse, status: number, html: string) =>
    writePage(req, res, status, html, isHttps(req));
  function sendTooManyRequests(req: IncomingMessage, res: ServerResponse, retryAfter: number) {
    res.setHeader('Retry-After', String(retryAfter));
    sendPage(req, res, 429, tooManyRequestsPage(retryAfter));
  }
  const isBot = memoizedBotCheck();
  visits?.open();

  /** An unknown code counts against the client's limit (shared by all instances): 404 or 429. */
  function answerUnknown(req: IncomingMessage, res: ServerResponse, code: string) {
    unknownCodes.countUnknown(clientAddress(req)).then(
      (decision) => {
        if (decision.allowed) sendPage(req, res, 404, notFoundPage(code));
        else sendTooManyRequests(req, res, decision.retryAfterSeconds);
      },
      (error: unknown) => {
        // The limit is abuse control: without its store, answer rather than fail.
        logStoreError(error);
        sendPage(req, res, 404, notFoundPage(code));
      },
    );
  }

  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    code: string,
    preview: boolean,
    link: CachedLink | null,
  ) {
    if (!link) return answerUnknown(req, res, code);
    // Not a guess: someone still has the old short URL (not counted against the unknown limit).
    if (link.deleted) return sendPage(req, res, 410, gonePage(code, 'deleted'));
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
        address: clientAddress(req),
      });
      clicks.record(link.id, now, details);
    }
    const headers = redirectHeaders(link, isHttps(req));
    const location = link.forwardQuery ? forwardedLocation(link.url, req.url ?? '') : link.url;
    res.writeHead(
      link.redirectType,
      location === link.url ? headers : { ...headers, Location: location },
    );
    res.end();
  }

  return function handleShortLink(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const match = matchShortPath(req.url ?? '');
    const code = match?.[1];
    if (!code || isReservedPath(code)) return false;
    const preview = match[2] === '+';

    // A client over its unknown-code limit waits for every code (a known one would otherwise
    // confirm a guess). Costs nothing while nobody is blocked.
    if (unknownCodes.anyBlocked) {
      const wait = unknownCodes.retryAfterSeconds(clientAddress(req));
      if (wait > 0) {
        sendTooManyRequests(req, res, wait);
        return true;
      }
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
        res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        sendPage(req, res, 503, unavailablePage());
      },
    );
    return true;
  };
}

/** How long a browser may reuse a permanent (301/308) redirect without asking again. */
const PERMANENT_REDIRECT_CACHE = 'private, max-age=90';

type RedirectHeaders = Readonly<Record<string, string>>;
/** Per cached link, built on its first redirect: a cached redirect allocates no header object. */
const headersOfLink = new WeakMap<CachedLink, { http: RedirectHeaders; https: RedirectHeaders }>();

function redirectHeaders(link: CachedLink, https: boolean): RedirectHeaders {
  let headers = headersOfLink.get(link);
  if (!headers) {
    const http = {
      Location: link.url,
      // Temporary redirects must come back here (to be counted, and to see later changes). A
      // permanent one may be kept by the visitor's browser, briefly, and never by a shared
      // cache: disabling, expiring or moving the link reaches everyone else at once.
      'Cache-Control':
        link.redirectType === 301 || link.redirectType === 308
          ? PERMANENT_REDIRECT_CACHE
          : 'no-store',
      'Content-Length': '0',
      'Permissions-Policy': REDIRECT_PERMISSIONS_POLICY,
    };
    headers = { http, https: { ...http, 'Strict-Transport-Security': REDIRECT_HSTS } };
    headersOfLink.set(link, headers);
  }
  return https ? headers.https : headers.http;
}

const logStoreError = outageLog('Unknown-code rate limit unavailable (answering without it):');

function writePage(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  https: boolean,
) {
  const body = Buffer.from(html);
  const headers = PAGE_HEADERS[https ? 'https' : 'http'];
  res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * isbot runs a large regular expression; browsers send few distinct user agents, so remember them
 * (those of a real length: see MAX_REMEMBERED_HEADER_LENGTH).
 */
function memoizedBotCheck(maxEntries = 2_000) {
  const seen = new Map<string, boolean>();
  return (userAgent: string | undefined): boolean => {
    if (!userAgent) return false;
    if (userAgent.length > MAX_REMEMBERED_HEADER_LENGTH) return isbot(userAgent);
    let result = seen.get(userAgent);
    if (result === undefined) {
      result = isbot(userAgent);
      if (seen.size >= maxEntries) seen.clear();
      seen.set(userAgent, result);
    }
    return result;
  };
}
