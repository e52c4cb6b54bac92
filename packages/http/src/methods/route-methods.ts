import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { errorBody } from '../errors/api-error';
import { isApiPath, pathOf } from '../paths/malformed-path';

const HANDLER_EXPORT =
  /^export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm;

type Segment = { kind: 'static'; text: string } | { kind: 'dynamic' } | { kind: 'catchAll' };
type Route = {
  segments: Segment[];
  /** Methods a route handler answers; null for a page (left to Next.js: GET, HEAD, actions). */
  methods: string[] | null;
};

/** Which methods the route at a path answers, from the app's `route.ts` and `page.tsx` files. */
export type RouteMethods = {
  allowedAt(pathname: string): string[] | null;
  /**
   * Whether a route of the app's `api/` folder serves the path (not a page whose dynamic first
   * segment would take `/api/...` for a section).
   */
  servesApi(pathname: string): boolean;
};

/**
 * Reads an App Router folder once (at start): every route handler's exported methods, and where
 * the pages are (so a page's path is never taken for a handler's). Next.js answers a method a
 * handler does not export with a bare 405; the front servers answer it instead, with `Allow`
 * and, under `/api/`, the one error shape (see answerMethodNotAllowed).
 */
export function readRouteMethods(appDir: string): RouteMethods {
  const routes = collectRoutes(appDir, []).sort((a, b) => compareSpecificity(a, b));
  const routeAt = (pathname: string) => {
    const parts = pathname.split('/').filter(Boolean);
    return routes.find((candidate) => matches(candidate.segments, parts));
  };
  return {
    allowedAt: (pathname) => routeAt(pathname)?.methods ?? null,
    servesApi: (pathname) => {
      const first = routeAt(pathname)?.segments[0];
      return first?.kind === 'static' && first.text === 'api';
    },
  };
}

function collectRoutes(dir: string, segments: Segment[]): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_') || entry.name.startsWith('@')) continue; // private, slots
      const segment = segmentOf(entry.name);
      routes.push(...collectRoutes(file, segment ? [...segments, segment] : segments));
    } else if (/^route\.(ts|js|mjs)$/.test(entry.name)) {
      routes.push({ segments, methods: handlerMethods(readFileSync(file, 'utf8')) });
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
      routes.push({ segments, methods: null });
    }
  }
  return routes;
}

/** A folder's part of the URL; route groups `(name)` have none. */
function segmentOf(name: string): Segment | null {
  if (name.startsWith('(') && name.endsWith(')')) return null;
  if (name.startsWith('[...') || name.startsWith('[[...')) return { kind: 'catchAll' };
  if (name.startsWith('[')) return { kind: 'dynamic' };
  return { kind: 'static', text: name };
}

/** The exported handlers, plus what Next.js adds: HEAD with GET, and OPTIONS always. */
function handlerMethods(source: string): string[] {
  const exported = new Set([...source.matchAll(HANDLER_EXPORT)].map((match) => match[1]!));
  if (exported.has('GET')) exported.add('HEAD');
  exported.add('OPTIONS');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return order.filter((method) => exported.has(method));
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (segment.kind === 'catchAll') return parts.length > index;
    const part = parts[index];
    if (part === undefined) return false;
    if (segment.kind === 'static' && safeDecode(part) !== segment.text) return false;
  }
  return parts.length === segments.length;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** As Next.js picks: a static segment before a dynamic one, a dynamic one before a catch-all. */
function compareSpecificity(a: Route, b: Route): number {
  const rank = { static: 0, dynamic: 1, catchAll: 2 } as const;
  for (let index = 0; index < Math.max(a.segments.length, b.segments.length); index += 1) {
    const x = a.segments[index];
    const y = b.segments[index];
    if (!x || !y) return x ? -1 : 1; // the longer first: it is more specific where both match
    if (rank[x.kind] !== rank[y.kind]) return rank[x.kind] - rank[y.kind];
  }
  return 0;
}

/** Requests a check behind us refuses first (the apps' Origin check: 403 before 404 or 405). */
type RefusedFirst = (req: IncomingMessage, pathname: string) => boolean;

export const NO_API_HERE_MESSAGE = 'There is no API at this address: check the path.';

/**
 * Answers a path under `/api/` that no route serves with 404 in the one error shape (Next.js
 * answers it with its HTML "not found" page), and returns true; false for every other request.
 */
export function answerUnknownApiPath(
  req: IncomingMessage,
  res: ServerResponse,
  routes: RouteMethods,
  { refusedFirst }: { refusedFirst?: RefusedFirst } = {},
): boolean {
  const pathname = pathOf(req.url ?? '/');
  if (!isApiPath(pathname) || routes.servesApi(pathname)) return false;
  if (refusedFirst?.(req, pathname)) return false;
  res.writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(
    req.method === 'HEAD' ? undefined : JSON.stringify(errorBody('not_found', NO_API_HERE_MESSAGE)),
  );
  return true;
}

/**
 * Answers 405 with `Allow` for a method the route handler at the request's path does not export
 * (under `/api/` with `{"error":{"code":"method_not_allowed",…}}`), and returns true; false for
 * every other request (a method it answers, a page, a path no route has: Next.js decides).
 */
export function answerMethodNotAllowed(
  req: IncomingMessage,
  res: ServerResponse,
  routes: RouteMethods,
  { refusedFirst }: { refusedFirst?: RefusedFirst } = {},
): boolean {
  const pathname = pathOf(req.url ?? '/');
  const allowed = routes.allowedAt(pathname);
  const method = req.method ?? 'GET';
  if (!allowed || allowed.includes(method)) return false;
  if (refusedFirst?.(req, pathname)) return false;
  const message = `${method} is not allowed here; this address answers ${allowed.join(', ')}.`;
  const api = isApiPath(pathname);
  res.writeHead(405, {
    allow: allowed.join(', '),
    'content-type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(api ? JSON.stringify(errorBody('method_not_allowed', message)) : `${message}\n`);
  return true;
}
