import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { findPublishedArticle } from './published-articles';
import { resolveRelatedInputs, resolveRelatedLinks } from './related-links';
import { createArticle, createAuthor, createSection } from './test-newsroom';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function newsroom() {
  const { db } = testDb;
  const author = await createAuthor(db);
  const section = await createSection(db);
  const article = (fixture: { slug?: string; status?: 'draft' | 'published' } = {}) =>
    createArticle(db, { authorId: author.id, sectionId: section.id, ...fixture });
  const relate = (
    articleId: string,
    links: { targetArticleId?: string; url?: string; title?: string }[],
  ) =>
    db.relatedLink.createMany({
      data: links.map((link, position) => ({ articleId, position, ...link })),
    });
  return { db, section, article, relate };
}

describe('resolveRelatedLinks', () => {
  it('resolves internal links to the target’s current title and URL, in the stored order', async () => {
    const { db, section, article, relate } = await newsroom();
    const source = await article();
    const [first, second] = [await article(), await article()];
    // Stored out of creation order: position decides.
    await relate(source.id, [
      { targetArticleId: second.id },
      { url: 'https://example.org/report', title: 'The report' },
      { targetArticleId: first.id },
    ]);

    expect(await resolveRelatedLinks(db, source.id)).toEqual([
      { title: second.title, href: `/${section.slug}/${second.slug}` },
      { title: 'The report', href: 'https://example.org/report' },
      { title: first.title, href: `/${section.slug}/${first.slug}` },
    ]);
  });

  it('follows a renamed slug, a new headline and a new section', async () => {
    const { db, article, relate } = await newsroom();
    const source = await article();
    const target = await article({ slug: 'before-the-rename' });
    await relate(source.id, [{ targetArticleId: target.id }]);
    const newSection = await createSection(db);
    await db.article.update({
      where: { id: target.id },
      data: { slug: 'after-the-rename', title: 'A better headline', sectionId: newSection.id },
    });

    expect(await resolveRelatedLinks(db, source.id)).toEqual([
      { title: 'A better headline', href: `/${newSection.slug}/after-the-rename` },
    ]);
  });

  it('drops targets readers cannot see: drafts and articles taken back from publication', async () => {
    const { db, section, article, relate } = await newsroom();
    const source = await article();
    const draft = await article({ status: 'draft' });
    const withdrawn = await article();
    const visible = await article();
    await relate(source.id, [
      { targetArticleId: draft.id },
      { targetArticleId: withdrawn.id },
      { targetArticleId: visible.id },
    ]);
    await db.article.update({ where: { id: withdrawn.id }, data: { status: 'draft' } });

    expect(await resolveRelatedLinks(db, source.id)).toEqual([
      { title: visible.title, href: `/${section.slug}/${visible.slug}` },
    ]);
  });

  it('keeps external links as stored, titled by their URL when they have no title', async () => {
    const { db, article, relate } = await newsroom();
    const source = await article();
    await relate(source.id, [{ url: 'https://example.org/untitled' }, {}]);

    expect(await resolveRelatedLinks(db, source.id)).toEqual([
      { title: 'https://example.org/untitled', href: 'https://example.org/untitled' },
    ]);
  });

  it('is part of the article that findPublishedArticle returns', async () => {
    const { db, section, article, relate } = await newsroom();
    const source = await article();
    const target = await article();
    await relate(source.id, [{ targetArticleId: target.id }]);

    const found = await findPublishedArticle(db, section.slug, source.slug);
    expect(found?.related).toEqual([
      { title: target.title, href: `/${section.slug}/${target.slug}` },
    ]);
  });

  it('names every linked article to findPublishedArticle, shown or not (the page depends on them)', async () => {
    const { db, section, article, relate } = await newsroom();
    const source = await article();
    const [draft, visible] = [await article({ status: 'draft' }), await article()];
    await relate(source.id, [
      { targetArticleId: draft.id },
      { url: 'https://example.org/x', title: 'X' },
      { targetArticleId: visible.id },
    ]);

    const found = await findPublishedArticle(db, section.slug, source.slug);
    expect(found?.relatedArticleIds).toEqual([draft.id, visible.id]);
  });
});

describe('resolveRelatedInputs (previews of unsaved lists)', () => {
  it('resolves like the reader page: current titles and URLs, hidden targets left out, order kept', async () => {
    const { db, section, article } = await newsroom();
    const [draft, visible] = [await article({ status: 'draft' }), await article()];

    expect(
      await resolveRelatedInputs(db, [
        { articleId: visible.id },
        { articleId: draft.id },
        { articleId: 'no-such-article' },
        { title: 'The report', url: 'https://example.org/report' },
      ]),
    ).toEqual([
      { title: visible.title, href: `/${section.slug}/${visible.slug}` },
      { title: 'The report', href: 'https://example.org/report' },
    ]);
    expect(await resolveRelatedInputs(db, [])).toEqual([]);
  });
});
