import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildUrlSet } from './build-sitemap';

describe('buildUrlSet', () => {
  it('gives each article the time its live version went live, not a dateline set ahead', () => {
    const wentLive = new Date('2026-12-01T08:00:00.000Z');
    const xml = buildUrlSet('https://news.example', [
      {
        path: '/world/ahead',
        publishedAt: new Date('2026-12-02T04:00:00.000Z'),
        updatedAt: wentLive,
      },
    ]);
    expect(new XMLParser().parse(xml).urlset.url).toEqual({
      loc: 'https://news.example/world/ahead',
      lastmod: '2026-12-01T08:00:00.000Z',
    });
  });
});
