import { describe, expect, it } from 'vitest';
import { preferredCoding } from './accept-encoding';
import { readerPageKey } from './page-key';

describe('readerPageKey', () => {
  it.each([
    ['/', '/'],
    ['/world', '/world'],
    ['/world/some-story-2', '/world/some-story-2'],
    ['/?page=1', '/'],
    ['/?page=3', '/?page=3'],
    ['/world?page=12&utm_source=x', '/world?page=12'],
    ['/world/story?utm_campaign=spring', '/world/story'],
  ])('%s → %s', (url, key) => expect(readerPageKey(url)).toBe(key));

  it.each([
    '/newsroom',
    '/newsroom/articles',
    '/api/articles/x/short-link',
    '/_next/static/chunks/a.js',
    '/icon.svg',
    '/robots.txt',
    '/World',
    '/world/',
    '/world//story',
    '/a/b/c',
    '/world/%73tory',
    '/?page=0',
    '/?page=01',
    '/?page=2&page=3',
    '/?page=x',
    '/world/story?page=2',
    '/world/story?_rsc=1a2b',
    'http://evil.example/',
    '',
  ])('%s is not a cached reader page', (url) => expect(readerPageKey(url)).toBeNull());
});

describe('preferredCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['deflate', 'identity'],
  ] as const)('%s → %s', (header, coding) => expect(preferredCoding(header)).toBe(coding));
});
