import { describe, expect, it } from 'vitest';
import { deletedCodeReserveDaysFromEnv, readShortenerConfig } from './config';
import { checkDestination } from './validation/destination';
import { compileDestinationPolicy } from './validation/destination-policy';

describe('readShortenerConfig: destinations', () => {
  it('allows the reader site (EDITOR_URL host and port) and the listed intranet entries', () => {
    const config = readShortenerConfig({
      SHORTENER_URL: 'http://127.0.0.1:4001',
      EDITOR_URL: 'http://127.0.0.1:4000',
      SHORTENER_ALLOWED_DESTINATIONS: ' 10.0.0.0/8 , .corp.example ',
    });
    expect(config.allowedDestinations).toEqual(['10.0.0.0/8', '.corp.example', '127.0.0.1:4000']);
    const policy = compileDestinationPolicy({
      ownHosts: config.ownHosts,
      allowed: config.allowedDestinations,
    });
    expect(checkDestination('http://127.0.0.1:4000/world/story', policy).ok).toBe(true);
    expect(checkDestination('http://127.0.0.1:4002/', policy).ok).toBe(false);
    expect(checkDestination('http://127.1:4001/abc', policy)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/shortener itself/),
    });
    expect(checkDestination('http://10.9.8.7/', policy).ok).toBe(true);
  });

  it('stops at start on a malformed entry, naming the variable', () => {
    expect(() => readShortenerConfig({ SHORTENER_ALLOWED_DESTINATIONS: '10.0.0.0/33' })).toThrow(
      /^SHORTENER_ALLOWED_DESTINATIONS: "10.0.0.0\/33" is not a valid CIDR range/,
    );
    expect(() => readShortenerConfig({ EDITOR_URL: 'not a url' })).toThrow(/EDITOR_URL/);
  });
});

describe('readShortenerConfig: visit details', () => {
  it('counts visit details unless SHORTENER_VISIT_DETAILS=0', () => {
    expect(readShortenerConfig({}).visitDetails).toBe(true);
    expect(readShortenerConfig({ SHORTENER_VISIT_DETAILS: '0' }).visitDetails).toBe(false);
    expect(readShortenerConfig({ SHORTENER_VISIT_DETAILS: '1' }).visitDetails).toBe(true);
    expect(() => readShortenerConfig({ SHORTENER_VISIT_DETAILS: 'yes' })).toThrow(
      'SHORTENER_VISIT_DETAILS must be 1 (on) or 0 (off), got "yes"',
    );
  });

  it('takes another country database from SHORTENER_COUNTRY_DB', () => {
    expect(readShortenerConfig({}).countryDbPath).toBeUndefined();
    expect(readShortenerConfig({ SHORTENER_COUNTRY_DB: '/srv/geo.mmdb' }).countryDbPath).toBe(
      '/srv/geo.mmdb',
    );
  });
});

describe('readShortenerConfig: link cache', () => {
  it('sizes the cache by memory, warms 100,000 links and trusts a link for a minute by default', () => {
    const config = readShortenerConfig({});
    expect(config.cacheMaxBytes).toBe(64 * 1024 * 1024);
    expect(config.cacheWarm).toBe(100_000);
    expect(config.cacheTtlMs).toBe(60_000);
    const custom = readShortenerConfig({ SHORTENER_CACHE_MAX_MB: '8', SHORTENER_CACHE_WARM: '0' });
    expect(custom.cacheMaxBytes).toBe(8 * 1024 * 1024);
    expect(custom.cacheWarm).toBe(0);
  });

  it('refuses nonsense and the former entry count, naming what to set', () => {
    expect(() => readShortenerConfig({ SHORTENER_CACHE_MAX_MB: '0' })).toThrow(
      /SHORTENER_CACHE_MAX_MB must be a positive whole number/,
    );
    expect(() => readShortenerConfig({ SHORTENER_CACHE_WARM: '-1' })).toThrow(
      /SHORTENER_CACHE_WARM must be a whole number/,
    );
    expect(() => readShortenerConfig({ SHORTENER_CACHE_MAX: '200000' })).toThrow(
      /set SHORTENER_CACHE_MAX_MB/,
    );
  });
});

describe('readShortenerConfig: deleted codes', () => {
  it('keeps the code of a deleted link 30 days by default; 0 frees it at once; nonsense is refused', () => {
    expect(readShortenerConfig({}).deletedCodeReserveDays).toBe(30);
    const days = (value: string) =>
      readShortenerConfig({ SHORTENER_DELETED_CODE_DAYS: value }).deletedCodeReserveDays;
    expect(days('90')).toBe(90);
    expect(days('0')).toBe(0);
    expect(() => days('-1')).toThrow(
      'SHORTENER_DELETED_CODE_DAYS must be a whole number (0 or more), got "-1"',
    );
    expect(() => days('a month')).toThrow(/SHORTENER_DELETED_CODE_DAYS/);
  });
});

describe('deletedCodeReserveDaysFromEnv (the editor deletes drafts with their short link)', () => {
  it('reads SHORTENER_DELETED_CODE_DAYS as the shortener does, with the same error for nonsense', () => {
    expect(deletedCodeReserveDaysFromEnv({})).toBe(30);
    expect(deletedCodeReserveDaysFromEnv({ SHORTENER_DELETED_CODE_DAYS: ' 7 ' })).toBe(7);
    expect(deletedCodeReserveDaysFromEnv({ SHORTENER_DELETED_CODE_DAYS: '0' })).toBe(0);
    for (const bad of ['-1', '2.5', 'a month']) {
      const env = { SHORTENER_DELETED_CODE_DAYS: bad };
      const message = `SHORTENER_DELETED_CODE_DAYS must be a whole number (0 or more), got "${bad}"`;
      expect(() => deletedCodeReserveDaysFromEnv(env)).toThrow(message);
      expect(() => readShortenerConfig(env)).toThrow(message);
    }
  });

  it('reads the process environment when given none', () => {
    const before = process.env.SHORTENER_DELETED_CODE_DAYS;
    process.env.SHORTENER_DELETED_CODE_DAYS = '12';
    try {
      expect(deletedCodeReserveDaysFromEnv()).toBe(12);
    } finally {
      if (before === undefined) delete process.env.SHORTENER_DELETED_CODE_DAYS;
      else process.env.SHORTENER_DELETED_CODE_DAYS = before;
    }
  });
});
