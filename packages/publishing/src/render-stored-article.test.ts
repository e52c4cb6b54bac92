import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArticleDocument } from '@newsroom/article';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { findPublishedArticle } from './published-articles';
import { renderStoredArticle } from './render-stored-article';
import { createArticle, createAuthor, createSection } from './test-newsroom';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('renderStoredArticle', () => {
  it('renders a stored article with its shared note and its resolved related links', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const section = await createSection(db, 'render-section');
    const target = await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      slug: 'render-target',
      title: 'Target <b>headline</b>',
    });
    await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      slug: 'render-seed',
      body: JSON.stringify(seedArticleDocument()),
      markerStyle: 'symbols',
      related: [{ articleId: target.id }],
    });

    const found = await findPublishedArticle(db, 'render-section', 'render-seed');
    if (!found) throw new Error('the seed article should be found');
    const html = renderStoredArticle(found);

    expect(count(html, /role="doc-noteref"[^>]*>\*<\/a>/g)).toBe(2);
    expect(count(html, /role="doc-backlink"/g)).toBe(2);
    expect(html).toContain('<section role="doc-endnotes"');
    expect(html).toContain(
      '<li><a href="/render-section/render-target">Target &lt;b&gt;headline&lt;/b&gt;</a></li>',
    );
  });

  it('uses the stored marker style, and numbers when the style is unknown', () => {
    const body = JSON.stringify(seedArticleDocument());
    const marker = (markerStyle: string) =>
      renderStoredArticle({ body, markerStyle }).match(/role="doc-noteref"[^>]*>([^<]*)</)?.[1];

    expect(marker('symbols')).toBe('*');
    expect(marker('numeric')).toBe('1');
    expect(marker('roman')).toBe('1');
  });

  it('renders a damaged body as no body instead of failing the page', () => {
    const related = [{ title: 'Still here', href: '/world/still-here' }];
    for (const body of ['{not json', 'null', '[1,2]', '"text"']) {
      const html = renderStoredArticle({ body, markerStyle: 'symbols', related });
      expect(html).not.toContain('<p>');
      expect(html).toContain('<a href="/world/still-here">Still here</a>');
    }
  });
});
