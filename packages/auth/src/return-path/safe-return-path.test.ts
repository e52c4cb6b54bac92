import { countByKind, openRedirectCorpus } from '@newsroom/testing';
import { describe, expect, it } from 'vitest';
import { safeReturnPath, type ReturnPathRules } from './safe-return-path';

const editor: ReturnPathRules = {
  within: '/newsroom',
  fallback: '/newsroom/articles',
  exclude: ['/newsroom/login'],
};
const shortener: ReturnPathRules = { within: '/links', fallback: '/links', exclude: ['/login'] };

describe.each([
  { app: 'editor', rules: editor, area: '/newsroom', login: '/newsroom/login' },
  { app: 'shortener', rules: shortener, area: '/links', login: '/login' },
])('safeReturnPath ($app)', ({ rules, area, login }) => {
  const corpus = openRedirectCorpus(area, login);

  it('has at least 30 payloads of every kind asked for', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(countByKind(corpus)).sort()).toEqual([
      'backslashes',
      'control characters',
      'dot segments',
      'encoded',
      'full URLs',
      'outside the staff area',
      'protocol-relative',
      'unicode',
    ]);
  });

  it.each(corpus)('refuses $kind payload %#: $value', ({ value }) => {
    expect(safeReturnPath(value, rules)).toBe(rules.fallback);
  });

  it('keeps ordinary paths of the area with their query, normalised', () => {
    expect(safeReturnPath(`${area}/abc?x=1&y=%C3%BC`, rules)).toBe(`${area}/abc?x=1&y=%C3%BC`);
    expect(safeReturnPath(`${area}/a/../b#top`, rules)).toBe(`${area}/b`);
    expect(safeReturnPath(area, rules)).toBe(area);
  });

  it('falls back for nothing, non-strings and overlong values', () => {
    for (const value of [undefined, null, '', 42, {}, `${area}/${'x'.repeat(3000)}`])
      expect(safeReturnPath(value, rules)).toBe(rules.fallback);
  });
});

it('keeps the editor inside the newsroom', () => {
  expect(safeReturnPath('/politics/some-article', editor)).toBe('/newsroom/articles');
  expect(safeReturnPath('/newsroomx', editor)).toBe('/newsroom/articles');
  expect(safeReturnPath('/newsroom/../politics', editor)).toBe('/newsroom/articles');
});
