import { describe, expect, it } from 'vitest';
import { validateArticle } from './validate-article';
import { linkedArticleIds } from './article-meta-schema';
import { seedArticleDocument } from '../fixtures/seed-article';
import { parseRelatedUrl } from './related-url';

describe('parseRelatedUrl', () => {
  it('stores the address as the URL parser reads it', () => {
    expect(parseRelatedUrl(' HTTPS://Example.COM ')).toEqual({
      ok: true,
      href: 'https://example.com/',
    });
    expect(parseRelatedUrl('https://example.com/caf\u00e9?q=1#top')).toEqual({
      ok: true,
      href: 'https://example.com/caf%C3%A9?q=1#top',
    });
    expect(parseRelatedUrl('/world/story?x=1')).toEqual({ ok: true, href: '/world/story?x=1' });
    expect(parseRelatedUrl('https://example.com/100%25')).toEqual({
      ok: true,
      href: 'https://example.com/100%25',
    });
  });

  it('refuses what a browser would open as another address, with a reason', () => {
    const problems = {
      'https://exa mple.com/': 'The address has a space or an invisible character in it',
      'https://exa\tmple.com/': 'The address has a space or an invisible character in it',
      'https://exa\u200bmple.com/': 'The address has a space or an invisible character in it',
      'https://example.com/%': 'The address has a "%" that does not start a code like %20',
      'https://example.com/%zz': 'The address has a "%" that does not start a code like %20',
      'https://user:pass@example.com/': 'Leave the user name and password out of the address',
      'https://bank.example@evil.example/': 'Leave the user name and password out of the address',
      'http://[::1': 'Use a web address (https://…) or a path on this site (/…)',
      'https://exa<mple.com/': 'Use a web address (https://…) or a path on this site (/…)',
      'mailto:a@b.c': 'Use a web address (https://…) or a path on this site (/…)',
      'javascript:alert(1)': 'Use a web address (https://…) or a path on this site (/…)',
    };
    for (const [url, problem] of Object.entries(problems))
      expect(parseRelatedUrl(url), url).toEqual({ ok: false, problem });
  });
});

describe('related links in an article', () => {
  const article = (related: unknown[]) =>
    validateArticle({
      title: 'T',
      slug: 't',
      sectionId: 's',
      body: seedArticleDocument(),
      related,
    });

  it('stores the normalised address', () => {
    const result = article([{ title: 'Ex', url: 'https://EXAMPLE.com' }]);
    expect(result.ok && result.value.related).toEqual([
      { title: 'Ex', url: 'https://example.com/' },
    ]);
  });

  it('says in words what is wrong: blank title, too many, the same link twice', () => {
    const errors = (related: unknown[]) => {
      const result = article(related);
      return result.ok ? [] : result.errors;
    };
    expect(errors([{ title: ' ', url: 'https://example.com/' }])).toEqual([
      { path: 'related[0].title', message: 'Give the link a title' },
    ]);
    expect(
      errors(Array.from({ length: 21 }, (_, i) => ({ title: 'x', url: `https://e.com/${i}` }))),
    ).toEqual([{ path: 'related', message: 'Keep to 20 related links or fewer' }]);
    expect(
      errors([
        { title: 'One', url: 'https://example.com/a' },
        { articleId: 'art_1' },
        { title: 'Same', url: 'HTTPS://EXAMPLE.COM/a' },
        { articleId: 'art_1' },
      ]),
    ).toEqual([
      { path: 'related[2].url', message: 'This link is already in the list' },
      { path: 'related[3].articleId', message: 'This link is already in the list' },
    ]);
  });
});

describe('linkedArticleIds', () => {
  it('lists the articles a related list links to, in order, leaving addresses out', () => {
    expect(
      linkedArticleIds([
        { articleId: 'b' },
        { url: 'https://example.com/', title: 'Elsewhere' },
        { articleId: 'a' },
      ]),
    ).toEqual(['b', 'a']);
  });
});
