import type { ReaderPageCacheOptions } from './reader-page-cache';

type Settings = Pick<
  ReaderPageCacheOptions,
  'maxBytes' | 'sMaxAgeSeconds' | 'staleWhileRevalidateSeconds'
>;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

/**
 * READER_CACHE_MAX_MB (memory for cached pages, default 128), READER_CACHE_S_MAXAGE (how long a
 * CDN may keep a page, default 60 s) and READER_CACHE_SWR (how long after that it may serve it
 * stale while refetching, default 300 s). A bad value stops the start with a clear message.
 */
export function readerCacheSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const maxMb = wholeNumber(env, 'READER_CACHE_MAX_MB', 1);
  return {
    maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
    sMaxAgeSeconds: wholeNumber(env, 'READER_CACHE_S_MAXAGE', 0),
    staleWhileRevalidateSeconds: wholeNumber(env, 'READER_CACHE_SWR', 0),
  };
}
