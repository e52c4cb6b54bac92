import { describe, expect, it } from 'vitest';
import { readerSiteUrl, shortenerSiteUrl } from './site-urls';

describe('site base URLs', () => {
  it('reads EDITOR_URL and SHORTENER_URL, trimmed and without a trailing slash', () => {
    expect(readerSiteUrl({ EDITOR_URL: ' https://news.example/ ' })).toBe('https://news.example');
    expect(shortenerSiteUrl({ SHORTENER_URL: 'https://nws.rm//' })).toBe('https://nws.rm');
    expect(readerSiteUrl({ EDITOR_URL: 'https://example.org/news/' })).toBe(
      'https://example.org/news',
    );
  });

  it('defaults to localhost on the app’s port', () => {
    expect(readerSiteUrl({})).toBe('http://localhost:3000');
    expect(readerSiteUrl({ EDITOR_PORT: '4100' })).toBe('http://localhost:4100');
    expect(shortenerSiteUrl({})).toBe('http://localhost:3001');
    expect(shortenerSiteUrl({ SHORTENER_PORT: '4101', SHORTENER_URL: '  ' })).toBe(
      'http://localhost:4101',
    );
  });

  it('refuses a value that cannot be a base URL, naming the variable', () => {
    expect(() => readerSiteUrl({ EDITOR_URL: 'news.example' })).toThrow(/EDITOR_URL/);
    expect(() => shortenerSiteUrl({ SHORTENER_URL: 'javascript:alert(1)' })).toThrow(
      /SHORTENER_URL.*http/,
    );
    expect(() => readerSiteUrl({ EDITOR_URL: 'https://news.example/?a=1' })).toThrow(/plain/);
  });

  it('blames a bad port on its own variable, not on the URL made from it', () => {
    expect(() => readerSiteUrl({ EDITOR_PORT: 'abc' })).toThrow(/^EDITOR_PORT must be a port/);
    expect(() => shortenerSiteUrl({ SHORTENER_PORT: '-1' })).toThrow(/^SHORTENER_PORT must/);
  });

  it('does not read the port variable when the URL is set', () => {
    expect(readerSiteUrl({ EDITOR_URL: 'https://news.example', EDITOR_PORT: 'abc' })).toBe(
      'https://news.example',
    );
    expect(shortenerSiteUrl({ SHORTENER_URL: 'https://nws.rm', SHORTENER_PORT: '0' })).toBe(
      'https://nws.rm',
    );
  });
});
