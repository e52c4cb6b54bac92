import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Reader } from 'mmdb-lib';
import { DAY_MS } from '../time/day';
import { countryLookup, defaultCountryDbPath } from './country';
import { splitDetailKey } from './dimensions';
import { referrerClassifier, referrerHost } from './referrer';
import { parseUserAgent, userAgentClassifier } from './user-agent';
import { createVisitClassifier } from './visit-classifier';

const UA = {
  chromeLinux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0',
  tv: 'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36',
};

/** Detail keys as readable [dimension, value] pairs. */
const values = (details: Record<string, string>) =>
  Object.fromEntries(Object.values(details).map(splitDetailKey));

describe('user agents', () => {
  it('keeps device class, browser and system names, never versions', () => {
    expect(values(parseUserAgent(UA.chromeLinux))).toEqual({
      device: 'desktop',
      browser: 'Chrome',
      os: 'Linux',
    });
    expect(values(parseUserAgent(UA.edgeWindows))).toEqual({
      device: 'desktop',
      browser: 'Edge',
      os: 'Windows',
    });
    expect(values(parseUserAgent(UA.iphone))).toEqual({
      device: 'mobile',
      browser: 'Mobile Safari',
      os: 'iOS',
    });
    expect(values(parseUserAgent(UA.ipad)).device).toBe('tablet');
    expect(values(parseUserAgent(UA.androidTablet))).toEqual({
      device: 'tablet',
      browser: 'Chrome',
      os: 'Android',
    });
    expect(values(parseUserAgent(UA.firefoxMac))).toEqual({
      device: 'desktop',
      browser: 'Firefox',
      os: 'Mac OS',
    });
    expect(values(parseUserAgent(UA.tv)).device).toBe('other');
    expect(values(parseUserAgent('something odd'))).toEqual({
      device: 'unknown',
      browser: 'unknown',
      os: 'unknown',
    });
  });

  it('parses each distinct user agent once', () => {
    const classify = userAgentClassifier(10);
    const first = classify(UA.iphone);
    expect(classify(UA.iphone)).toBe(first);
    expect(values(classify(undefined))).toEqual({
      device: 'unknown',
      browser: 'unknown',
      os: 'unknown',
    });
  });
});

describe('referrers', () => {
  it('keeps only the host', () => {
    expect(referrerHost('https://www.Example.COM/private/inbox?id=42#x')).toBe('example.com');
    expect(referrerHost('http://news.ycombinator.com/item?id=1')).toBe('news.ycombinator.com');
    expect(referrerHost('android-app://com.google.android.gm/')).toBe('com.google.android.gm');
    expect(referrerHost('https://bücher.example/')).toBe('xn--bcher-kva.example');
    expect(referrerHost('javascript:alert(1)')).toBe('unknown');
    expect(referrerHost('not a url')).toBe('unknown');
    expect(referrerHost('file:///etc/passwd')).toBe('unknown');
  });

  it('counts no Referer as direct', () => {
    const classify = referrerClassifier();
    expect(splitDetailKey(classify(undefined))).toEqual(['referrer', '(direct)']);
    expect(splitDetailKey(classify(''))).toEqual(['referrer', '(direct)']);
    expect(splitDetailKey(classify('https://t.co/abc'))).toEqual(['referrer', 't.co']);
  });
});

describe('countries', () => {
  const country = countryLookup();
  const of = (address: string | undefined) => splitDetailKey(country(address))[1];

  it('finds the country of IPv4, IPv6 and IPv4-mapped addresses in the shipped database', () => {
    expect(of('8.8.8.8')).toBe('US');
    expect(of('81.2.69.142')).toBe('GB');
    expect(of('133.242.0.1')).toBe('JP');
    expect(of('::ffff:200.160.2.3')).toBe('BR');
    expect(of('2001:4860:4860::8888')).toBe('US');
    expect(country.builtAt.getTime()).toBeGreaterThan(Date.UTC(2025, 0, 1));
  });

  it('answers from memory exactly what the database says, per /24 only where its network is larger', () => {
    const reader = new Reader<Record<string, unknown>>(readFileSync(defaultCountryDbPath()));
    const expected = (address: string) => {
      const record = reader.get(address) as { country_code?: string } | null;
      return record?.country_code ?? 'unknown';
    };
    // Networks narrower than a /24 (their neighbours in the same /24 may be elsewhere) and wide
    // ones; each address asked twice, neighbours first, so remembered answers are what is tested.
    const narrow: string[] = [];
    for (let third = 0; narrow.length < 5 && third < 256; third += 1) {
      for (const first of [41, 102, 103, 185, 196]) {
        const address = `${first}.${third}.${third}.1`;
        if (reader.getWithPrefixLength(address)[1] > 24) narrow.push(address);
      }
    }
    expect(narrow.length).toBeGreaterThan(0);
    const addresses = [...narrow, '8.8.8.8', '81.2.69.142', '133.242.0.1'].flatMap((address) => {
      const block = address.slice(0, address.lastIndexOf('.'));
      return [0, 64, 127, 128, 200, 255].map((last) => `${block}.${last}`);
    });
    const cached = countryLookup(undefined, 50);
    for (const round of [1, 2]) {
      for (const address of addresses) {
        expect(`${round} ${address} ${splitDetailKey(cached(address))[1]}`).toBe(
          `${round} ${address} ${expected(address)}`,
        );
      }
    }
  });

  it('says unknown for private, loopback and malformed addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '::1', '999.1.1.1', 'nonsense', undefined]) {
      expect(of(address)).toBe('unknown');
    }
  });
});

describe('visit classifier', () => {
  it('gives one key per dimension', () => {
    const visits = createVisitClassifier();
    const keys = visits.classify('link', Date.UTC(2030, 0, 1), {
      userAgent: UA.iphone,
      referer: 'https://www.facebook.com/some/post',
      address: '81.2.69.142',
    });
    expect(keys.map(splitDetailKey)).toEqual([
      ['referrer', 'facebook.com'],
      ['device', 'mobile'],
      ['browser', 'Mobile Safari'],
      ['os', 'iOS'],
      ['country', 'GB'],
    ]);
  });

  it('counts referrers past the per-link, per-day limit as (other)', () => {
    const visits = createVisitClassifier({ maxValuesPerDay: 3 });
    const day = Date.UTC(2030, 0, 1);
    const referrerOf = (linkId: string, time: number, host: string) =>
      splitDetailKey(
        visits.classify(linkId, time, {
          userAgent: UA.chromeLinux,
          referer: `https://${host}/`,
          address: '8.8.8.8',
        })[0] ?? '',
      )[1];
    expect(['a.test', 'b.test', 'c.test'].map((host) => referrerOf('l1', day, host))).toEqual([
      'a.test',
      'b.test',
      'c.test',
    ]);
    expect(referrerOf('l1', day, 'd.test')).toBe('(other)');
    expect(referrerOf('l1', day, 'a.test')).toBe('a.test'); // already seen: still itself
    expect(referrerOf('l2', day, 'd.test')).toBe('d.test'); // another link
    expect(referrerOf('l1', day + DAY_MS, 'd.test')).toBe('d.test'); // another day
  });
});

describe('country database file', () => {
  it('names the file when it cannot be opened', () => {
    expect(() => countryLookup('/nonexistent/geo.mmdb')).toThrow(
      /Cannot open the country database \/nonexistent\/geo\.mmdb/,
    );
  });
});
