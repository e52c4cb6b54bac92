import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { securityHeaders } from '@newsroom/http';
import { connectReaderPagesAnnouncer, publishReaderPagesChange } from '../changes/announce';
import {
  decodeChange,
  READER_PAGES_TOPIC,
  tagsOfChange,
  type ReaderPagesChange,
} from '../changes/reader-pages-change';
import {
  beginPageRender,
  isPageRenderInProgress,
  READER_RENDER_HEADER,
} from '../dependencies/render-registry';
import type { DependencyTag } from '../dependencies/tags';
import { preferredCoding } from './accept-encoding';
import {
  buildCachedPage,
  isNotModified,
  pageSecurityHeaders,
  type CachedPage,
} from './cached-page';
import { isClientNavigation, readerPageKey } from './page-key';
import { withVisitorQuery } from './redirect-query';

/** `@newsroom/shared-state`'s `changes`: delivered to every instance, this one included. */
export interface ChangeChannel {
  publish(topic: string, message: string): Promise<void>;
  subscribe(topic: string, handler: (message: string) => void): () => void;
  /** After a gap in the feed (changes missed): see @newsroom/shared-state's ChangeBus. */
  onResumed(handler: () => void): () => void;
}

export interface ReaderPageCacheOptions {
  /** This server's own address: on a miss, Next.js renders the page there once. */
  renderOrigin: string;
  /** Invalidations across instances. Without it, changes reach this process only. */
  changes?: ChangeChannel;
  /** Whether this request came over https (for HSTS). */
  https?: (req: IncomingMessage) => boolean;
  /** Memory for cached pages (all codings), default 128 MB; least recently used go first. */
  maxBytes?: number;
  /** A safety net only (a lost invalidation message heals after it): default 10 minutes. */
  ttlMs?: number;
  sMaxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
  renderTimeoutMs?: number;
  development?: boolean;
}

export interface ReaderPageCache {
  /** Answers a reader page (true), or leaves the request to Next.js (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Drops every page that depends on what changed (this process only). */
  invalidate(change: ReaderPagesChange): void;
  readonly entries: number;
  close(): void;
}

/** Whether this request is the cache's own render, which must reach Next.js. */
export function isReaderPageRender(req: IncomingMessage): boolean {
  return isPageRenderInProgress(req.headers[READER_RENDER_HEADER]);
}

type Rendered =
  | { kind: 'page'; page: CachedPage }
  /** Not a cacheable page (404, redirect, error): passed on as Next.js answered it. */
  | { kind: 'uncached'; status: number; headers: Record<string, string>; body: Buffer };

/** Headers of Next.js's answer that a passed-on response keeps. */
const PASSED_ON_HEADERS = ['content-type', 'location', 'cache-control', 'vary', 'retry-after'];

export function createReaderPageCache(options: ReaderPageCacheOptions): ReaderPageCache {
  const caching = {
    sMaxAgeSeconds: options.sMaxAgeSeconds ?? 60,
    staleWhileRevalidateSeconds: options.staleWhileRevalidateSeconds ?? 300,
  };
  const renderTimeoutMs = options.renderTimeoutMs ?? 10_000;
  const isHttps = options.https ?? (() => false);
  const development = options.development ?? false;

  const keysByTag = new Map<DependencyTag, Set<string>>();
  const pages = new LRUCache<string, CachedPage>({
    maxSize: options.maxBytes ?? 128 * 1024 * 1024,
    sizeCalculation: (page) => page.size,
    ttl: options.ttlMs ?? 10 * 60 * 1000,
    dispose: (page, key) => {
      for (const tag of page.tags) {
        const keys = keysByTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) keysByTag.delete(tag);
      }
    },
  });
  /** One render per page at a time: concurrent misses wait for it. */
  const inflight = new Map<string, Promise<Rendered>>();
  // A render that began before an invalidation of one of its tags holds old data: it answers
  // the requests that were waiting, but it is not stored.
  let epoch = 0;
  let rendersRunning = 0;
  const invalidatedAt = new Map<DependencyTag, number>();
  /** The epoch of the last "forget everything": renders begun before it are not stored. */
  let allInvalidatedAt = -1;

  function store(key: string, page: CachedPage) {
    pages.set(key, page);
    if (!pages.has(key)) return; // larger than the whole cache
    for (const tag of page.tags) {
      let keys = keysByTag.get(tag);
      if (!keys) keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  function invalidate(change: ReaderPagesChange) {
    epoch += 1;
    for (const tag of tagsOfChange(change)) {
      invalidatedAt.set(tag, epoch);
      for (const key of [...(keysByTag.get(tag) ?? [])]) pages.delete(key);
    }
    // Renders in flight may have read the old state: later requests start a fresh one.
    inflight.clear();
  }

  /** Every page goes (the change feed was lost for a while: any page may be stale). */
  function invalidateAll() {
    epoch += 1;
    allInvalidatedAt = epoch;
    pages.clear();
    keysByTag.clear();
    inflight.clear();
  }

  async function render(key: string): Promise<Rendered> {
    const pageRender = beginPageRender();
    const startedAt = epoch;
    rendersRunning += 1;
    try {
      const response = await fetch(options.renderOrigin + key, {
        headers: { [READER_RENDER_HEADER]: pageRender.id, 'accept-encoding': 'identity' },
        redirect: 'manual',
        signal: AbortSignal.timeout(renderTimeoutMs),
      });
      const body = Buffer.from(await response.arrayBuffer());
      const tags = pageRender.tags();
      if (response.status !== 200 || tags.length === 0) return passedOn(response, body);
      const page = await buildCachedPage({
        html: body,
        contentType: response.headers.get('content-type') ?? 'text/html; charset=utf-8',
        vary: response.headers.get('vary') ?? 'Accept-Encoding',
        tags,
        caching,
        development,
      });
      const stale =
        allInvalidatedAt > startedAt ||
        tags.some((tag) => (invalidatedAt.get(tag) ?? -1) > startedAt);
      if (!stale) store(key, page);
      return { kind: 'page', page };
    } finally {
      pageRender.end();
      rendersRunning -= 1;
      if (rendersRunning === 0) invalidatedAt.clear();
    }
  }

  function passedOn(response: Response, body: Buffer): Rendered {
    const headers: Record<string, string> = {};
    for (const name of PASSED_ON_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { kind: 'uncached', status: response.status, headers, body };
  }

  function renderOnce(key: string): Promise<Rendered> {
    let pending = inflight.get(key);
    if (!pending) {
      pending = render(key);
      inflight.set(key, pending);
      const forget = () => {
        if (inflight.get(key) === pending) inflight.delete(key);
      };
      pending.then(forget, forget);
    }
    return pending;
  }

  function sendPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, hit: boolean) {
    if (isNotModified(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, page.notModified[isHttps(req) ? 'https' : 'http']);
      res.end();
      return;
    }
    const coding = preferredCoding(req.headers['accept-encoding']);
    const headers = page.headers[isHttps(req) ? 'https' : 'http'][coding];
    res.writeHead(200, hit ? headers : [...headers.slice(0, -2), 'X-Cache', 'miss']);
    res.end(req.method === 'HEAD' ? undefined : page.bodies[coding]);
  }

  function sendRendered(req: IncomingMessage, res: ServerResponse, rendered: Rendered) {
    if (rendered.kind === 'page') return sendPage(req, res, rendered.page, false);
    const html = rendered.body.toString('utf8');
    // The page was rendered from its key, without the visitor's query: a redirect gets it back.
    const { location } = rendered.headers;
    res.writeHead(rendered.status, {
      ...rendered.headers,
      ...(location !== undefined && { location: withVisitorQuery(location, req.url) }),
      ...pageSecurityHeaders(html, isHttps(req), development),
      'Content-Length': String(rendered.body.length),
      'X-Cache': 'miss',
    });
    res.end(req.method === 'HEAD' ? undefined : rendered.body);
  }

  function sendUnavailable(req: IncomingMessage, res: ServerResponse) {
    const body = Buffer.from(
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>Try again in a moment</title>' +
        '<h1>This page could not be loaded</h1><p>Please try again in a moment.</p></html>',
    );
    res.writeHead(503, {
      ...securityHeaders({ audience: 'public', https: isHttps(req), scripts: { kind: 'none' } }),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': '5',
      'Content-Length': String(body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (isReaderPageRender(req) || isClientNavigation(req.headers)) return false;
    const key = readerPageKey(req.url);
    if (key === null) return false;
    const page = pages.get(key);
    if (page) {
      sendPage(req, res, page, true);
      return true;
    }
    renderOnce(key).then(
      (rendered) => sendRendered(req, res, rendered),
      (error: unknown) => {
        console.error(`Reader page ${key} could not be rendered:`, error);
        sendUnavailable(req, res);
      },
    );
    return true;
  }

  const unsubscribe = options.changes?.subscribe(READER_PAGES_TOPIC, (message) => {
    const change = decodeChange(message);
    if (change) invalidate(change);
    else console.error('Ignored a malformed reader-page change message');
  });
  // An unpublish announced while the feed was away was missed: nothing cached is trusted.
  const stopResuming = options.changes?.onResumed(invalidateAll);
  // Local first, so the instance that made the change never serves the old page after the
  // write returns; then everyone (this instance gets its own message again, harmlessly).
  const disconnect = connectReaderPagesAnnouncer(async (change) => {
    invalidate(change);
    if (options.changes) await publishReaderPagesChange(options.changes, change);
  });

  return {
    handle,
    invalidate,
    get entries() {
      return pages.size;
    },
    close() {
      unsubscribe?.();
      stopResuming?.();
      disconnect();
      pages.clear();
    },
  };
}
