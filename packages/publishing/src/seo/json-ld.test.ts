import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from './json-ld';

const article = {
  title: 'Pentagon Report',
  description: 'A summary.',
  path: '/military-intelligence/pentagon-report',
  publishedAt: new Date('2021-04-14T07:00:00Z'),
  updatedAt: new Date('2021-04-14T09:30:00Z'),
  section: { name: 'Military & Intelligence' },
  author: { name: 'Ann Writer' },
};

describe('newsArticleJsonLd', () => {
  it('describes the article as a schema.org NewsArticle with absolute URLs', () => {
    expect(
      newsArticleJsonLd({ siteUrl: 'https://news.example/', siteName: 'Newsroom', article }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Pentagon Report',
      description: 'A summary.',
      datePublished: '2021-04-14T07:00:00.000Z',
      dateModified: '2021-04-14T09:30:00.000Z',
      articleSection: 'Military & Intelligence',
      author: [{ '@type': 'Person', name: 'Ann Writer' }],
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://news.example/military-intelligence/pentagon-report',
      },
      url: 'https://news.example/military-intelligence/pentagon-report',
      publisher: { '@type': 'Organization', name: 'Newsroom', url: 'https://news.example/' },
    });
  });

  it('never reports a modification before publication', () => {
    const early = { ...article, updatedAt: new Date('2021-04-13T00:00:00Z') };
    const data = newsArticleJsonLd({ siteUrl: 'https://x.example', siteName: 'N', article: early });
    expect(data.dateModified).toBe(data.datePublished);
  });
});

describe('serializeJsonLd', () => {
  const hostile = [
    '</script><script>alert(1)</script>',
    '</SCRIPT >',
    '<!-- <script>',
    ']]> & &amp; <b>',
    'line\u2028separator\u2029',
  ];

  it.each(hostile)('keeps %j from closing the script element, and round-trips it', (headline) => {
    const json = serializeJsonLd({ headline });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline });
  });

  it('leaves ordinary JSON as JSON.stringify writes it', () => {
    const value = { a: 'Taliban’s “reconciliation”', b: [1, null, true] };
    expect(serializeJsonLd(value)).toBe(JSON.stringify(value));
  });
});
