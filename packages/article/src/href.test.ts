import { describe, expect, it } from 'vitest';
import { DANGEROUS_HREFS } from './fixtures/xss-payloads';
import { isAllowedHref, isExternalHref, normalizeHref } from './href';

describe('isAllowedHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/a?b=1&c=2#d',
    'HTTPS://EXAMPLE.COM',
    '  https://example.com  ',
    'mailto:desk@example.com',
    '/articles/some-slug',
    '/',
    'https://[::1]/',
    'https://example.com/?q=a&amp;b',
    // Internationalised domain names, whatever letter they start with.
    'https://пример.рф/путь',
    'https://例え.jp/',
    'https://ü.de/',
    'https://münchen.de/',
    'https://xn--e1afmkfd.xn--p1ai/',
  ])('accepts %j', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each(DANGEROUS_HREFS.map((href) => [href]))('rejects %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });

  it('rejects non-strings and over-long hrefs', () => {
    expect(isAllowedHref(null)).toBe(false);
    expect(isAllowedHref(42)).toBe(false);
    expect(isAllowedHref(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});

describe('normalizeHref / isExternalHref', () => {
  it('drops what browsers ignore', () => {
    expect(normalizeHref(' \thttps://ex\nample.com\u200b ')).toBe('https://example.com');
  });

  it('treats only absolute http(s) as external', () => {
    expect(isExternalHref('https://example.com')).toBe(true);
    expect(isExternalHref('/local')).toBe(false);
    expect(isExternalHref('mailto:a@b.c')).toBe(false);
  });
});
