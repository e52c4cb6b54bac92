import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { inlineScriptHashes, securityHeaders } from '@newsroom/http';
import type { DependencyTag } from '../dependencies/tags';
import type { ContentCoding } from './accept-encoding';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A header list in the flat form `writeHead` takes: [name, value, name, value, …]. */
type FlatHeaders = string[];

export interface CacheHeaders {
  sMaxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}

/** One page, ready to send: bytes per coding and complete header lists, built once. */
export interface CachedPage {
  tags: DependencyTag[];
  etag: string;
  size: number;
  bodies: Record<ContentCoding, Buffer>;
  /** [https][coding] → headers of a 200 served from the cache. */
  headers: Record<'http' | 'https', Record<ContentCoding, FlatHeaders>>;
  /**
   * Headers of a 304: validators and caching, no body headers, and the page's security headers
   * (browsers refresh the stored ones from a 304; HSTS over https).
   */
  notModified: Record<'http' | 'https', FlatHeaders>;
}

export function cacheControl({ sMaxAgeSeconds, staleWhileRevalidateSeconds }: CacheHeaders) {
  // Browsers revalidate every time (a cheap 304); a CDN keeps the page for s-maxage and may
  // serve it stale while it refetches. Our own cache is invalidated exactly, so it needs neither.
  return `public, max-age=0, s-maxage=${sMaxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`;
}

function flat(headers: Record<string, string>): FlatHeaders {
  return Object.entries(headers).flat();
}

/** Security headers for a page that many readers get the same bytes of: scripts by hash. */
export function pageSecurityHeaders(html: string, https: boolean, development = false) {
  return securityHeaders({
    audience: 'public',
    https,
    development,
    scripts: { kind: 'hashes', hashes: inlineScriptHashes(html) },
  });
}

export async function buildCachedPage(input: {
  html: Buffer;
  contentType: string;
  vary: string;
  tags: DependencyTag[];
  caching: CacheHeaders;
  development?: boolean;
}): Promise<CachedPage> {
  const { html, tags } = input;
  const [br, gz] = await Promise.all([
    brotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    gzipAsync(html, { level: 9 }),
  ]);
  const bodies: Record<ContentCoding, Buffer> = { identity: html, gzip: gz, br };
  const etag = weakEtag(html);
  const text = html.toString('utf8');
  const common = {
    'Content-Type': input.contentType,
    'Cache-Control': cacheControl(input.caching),
    ETag: etag,
    Vary: input.vary,
  };
  const variant = (https: boolean, coding: ContentCoding) =>
    flat({
      ...common,
      ...pageSecurityHeaders(text, https, input.development),
      ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }),
      'Content-Length': String(bodies[coding].length),
      'X-Cache': 'hit',
    });
  const notModified = (https: boolean) =>
    flat({
      ...pageSecurityHeaders(text, https, input.development),
      'Cache-Control': common['Cache-Control'],
      ETag: etag,
      Vary: input.vary,
      'X-Cache': 'hit',
    });
  const variants = (https: boolean) => ({
    identity: variant(https, 'identity'),
    gzip: variant(https, 'gzip'),
    br: variant(https, 'br'),
  });
  return {
    tags,
    etag,
    size: html.length + gz.length + br.length,
    bodies,
    headers: { http: variants(false), https: variants(true) },
    notModified: { http: notModified(false), https: notModified(true) },
  };
}

/**
 * A content's validator. Weak: its gzip, brotli and plain codings differ in bytes but not in
 * meaning, and share it.
 */
export function weakEtag(content: string | Buffer): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match against the page's one validator (every coding shares it: same content). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}
