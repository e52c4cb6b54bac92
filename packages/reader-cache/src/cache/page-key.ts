import { SLUG_PATTERN } from '@newsroom/article';

/** First path segments that are never reader pages (the newsroom, APIs, Next's own files). */
const NOT_READER = new Set(['newsroom', 'api', '_next']);
const PAGE_NUMBER = /^[1-9][0-9]{0,8}$/;
/** Headers of Next's client-side navigation: they ask for a React payload, not the page's HTML. */
const CLIENT_NAVIGATION_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch'];

/**
 * The cache key of a reader page (`/`, `/<section>`, `/<section>/<slug>`, optionally `?page=N`),
 * or null when the request is not one. Only `page` changes what the pages show, so other
 * parameters (utm_source on a shared link…) share the page's entry instead of filling the cache;
 * `page=1` is the page without it. The key is also the path the page is rendered from.
 */
export function readerPageKey(url: string | undefined): string | null {
  if (!url || !url.startsWith('/')) return null;
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const segments = path === '/' ? [] : path.slice(1).split('/');
  if (segments.length > 2) return null;
  if (segments.length > 0 && NOT_READER.has(segments[0]!)) return null;
  if (!segments.every((segment) => SLUG_PATTERN.test(segment))) return null;
  if (queryStart === -1) return path; // the common case: no parsing
  const params = new URLSearchParams(url.slice(queryStart + 1));
  if (params.has('_rsc')) return null;
  const pages = params.getAll('page');
  if (pages.length > 1) return null;
  const page = pages[0];
  if (page === undefined || page === '1') return path;
  // Lists only: an article page with ?page=… is left to Next.js.
  if (segments.length === 2 || !PAGE_NUMBER.test(page)) return null;
  return `${path}?page=${page}`;
}

export function isClientNavigation(headers: Record<string, string | string[] | undefined>) {
  return CLIENT_NAVIGATION_HEADERS.some((name) => headers[name] !== undefined);
}
