import { wholeNumberSetting } from '@newsroom/settings';
import type { ReaderPageCacheOptions } from './reader-page-cache';

type Settings = Pick<
  ReaderPageCacheOptions,
  'maxBytes' | 'sMaxAgeSeconds' | 'staleWhileRevalidateSeconds'
>;

/**
 * READER_CACHE_MAX_MB (memory for cached pages, default 128), READER_CACHE_S_MAXAGE (how long a
 * CDN may keep a page, default 60 s) and READER_CACHE_SWR (how long after that it may serve it
 * stale while refetching, default 300 s). A bad value stops the start with a clear message.
 */
export function readerCacheSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const maxMb = wholeNumberSetting(env, 'READER_CACHE_MAX_MB', 1);
  return {
    maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
    sMaxAgeSeconds: wholeNumberSetting(env, 'READER_CACHE_S_MAXAGE', 0),
    staleWhileRevalidateSeconds: wholeNumberSetting(env, 'READER_CACHE_SWR', 0),
  };
}
