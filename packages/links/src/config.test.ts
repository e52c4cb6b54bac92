import { describe, expect, it } from 'vitest';
import { readShortenerConfig } from './config';

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
