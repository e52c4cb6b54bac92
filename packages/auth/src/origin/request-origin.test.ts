import { describe, expect, it } from 'vitest';
import { crossSiteProblem, isCrossSiteMutation, isHttps, requestOrigin } from './request-origin';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('one https detection', () => {
  it('believes the first X-Forwarded-Proto, else the URL', () => {
    expect(isHttps(headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isHttps(headers({ 'x-forwarded-proto': 'http' }), 'https://a.example/')).toBe(false);
    expect(isHttps(headers({}), 'https://a.example/')).toBe(true);
    expect(isHttps(headers({}))).toBe(false);
  });

  it('builds the origin the browser addressed', () => {
    expect(requestOrigin(headers({ host: 'news.example' }), 'http://x/')).toBe(
      'http://news.example',
    );
    expect(
      requestOrigin(
        headers({
          host: 'internal:3000',
          'x-forwarded-host': 'news.example',
          'x-forwarded-proto': 'https',
        }),
      ),
    ).toBe('https://news.example');
  });
});

describe('crossSiteProblem', () => {
  const site = { host: 'news.example' };
  it('accepts this site’s own Origin', () => {
    expect(crossSiteProblem(headers({ ...site, origin: 'http://news.example' }))).toBeNull();
  });

  it('refuses a missing, opaque or foreign Origin with a readable reason', () => {
    expect(crossSiteProblem(headers(site))).toMatch(/no Origin header/);
    expect(crossSiteProblem(headers({ ...site, origin: 'null' }))).toMatch(/no Origin header/);
    for (const origin of [
      'https://evil.example',
      'http://news.example.evil.example',
      'https://news.example',
      'http://news.example:8080',
      'not a url',
    ])
      expect(crossSiteProblem(headers({ ...site, origin })), origin).toMatch(
        /Cross-site request refused/,
      );
  });
});

describe('isCrossSiteMutation (node:http headers)', () => {
  it('refuses a mutation without this site’s Origin, and never a safe method', () => {
    const host = { host: 'news.example' };
    expect(isCrossSiteMutation('POST', host)).toBe(true);
    expect(isCrossSiteMutation('DELETE', { ...host, origin: 'https://evil.example' })).toBe(true);
    expect(isCrossSiteMutation('PUT', { ...host, origin: 'http://news.example' })).toBe(false);
    expect(isCrossSiteMutation('GET', host)).toBe(false);
    expect(isCrossSiteMutation('OPTIONS', { ...host, origin: 'https://evil.example' })).toBe(false);
  });
});
