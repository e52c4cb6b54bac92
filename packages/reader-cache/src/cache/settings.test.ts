import { describe, expect, it } from 'vitest';
import { readerCacheSettingsFromEnv } from './settings';

describe('readerCacheSettingsFromEnv', () => {
  it('reads the settings, leaving unset ones to the defaults', () => {
    expect(readerCacheSettingsFromEnv({})).toEqual({
      maxBytes: undefined,
      sMaxAgeSeconds: undefined,
      staleWhileRevalidateSeconds: undefined,
    });
    expect(
      readerCacheSettingsFromEnv({
        READER_CACHE_MAX_MB: '64',
        READER_CACHE_S_MAXAGE: '0',
        READER_CACHE_SWR: ' 30 ',
      }),
    ).toEqual({ maxBytes: 64 * 1024 * 1024, sMaxAgeSeconds: 0, staleWhileRevalidateSeconds: 30 });
  });

  it.each([
    ['READER_CACHE_MAX_MB', '0'],
    ['READER_CACHE_MAX_MB', 'lots'],
    ['READER_CACHE_S_MAXAGE', '-1'],
    ['READER_CACHE_SWR', '1.5'],
  ])('refuses %s=%s with a message that names it', (name, value) => {
    expect(() => readerCacheSettingsFromEnv({ [name]: value })).toThrow(name);
  });
});
