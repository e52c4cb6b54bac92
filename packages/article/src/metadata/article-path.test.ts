import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, sectionPath } from './article-path';

describe('article paths', () => {
  it('builds /<section>/<slug>', () => {
    expect(articlePath({ slug: 'a-story', section: { slug: 'world' } })).toBe('/world/a-story');
    expect(sectionPath({ slug: 'world' })).toBe('/world');
  });

  it('keeps a base URL’s sub-path and never doubles the slash', () => {
    expect(absoluteUrl('https://news.example/', '/world/a')).toBe('https://news.example/world/a');
    expect(absoluteUrl('https://example.org/news', '/world/a')).toBe(
      'https://example.org/news/world/a',
    );
    expect(absoluteUrl('http://127.0.0.1:3000', 'world')).toBe('http://127.0.0.1:3000/world');
  });
});
