import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { findPublishedArticle } from './published-articles';
import { parseRelatedJson, resolveRelatedLinks } from './related-links';
import { createArticle, createAuthor, createSection, goLive, takeDown } from './test-newsroom';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function newsroom() {
  const { db } = testDb;
  const author = await createAuthor(db);
  const section = await createSection(db);
  const article = (
    fixture: {
      slug?: string;
      status?: 'draft' | 'published';
      related?: Parameters<typeof createArticle>[1]['related'];
    } = {},
  ) => createArticle(db, { authorId: author.id, sectionId: section.id, ...fixture });
  return { db, section, article };
}

describe('resolveRelatedLinks', () => {
  it('resolves internal links to the target’s live title and URL, in the stored order', async () => {
    const { db, section, article } = await newsroom();
    const [first, second] = [await article(), await article()];

    expect(
      await resolveRelatedLinks(db, [
        { articleId: second.id },
        { url: 'https://example.org/report', title: 'The report' },
        { articleId: first.id },
      ]),
    ).toEqual([
      { title: second.title, href: `/${section.slug}/${second.slug}` },
      { title: 'The report', href: 'https://example.org/report' },
      { title: first.title, href: `/${section.slug}/${first.slug}` },
    ]);
  });

  it('follows a renamed slug, a new headline and a new section once they are live, not before', async () => {
    const { db, section, article } = await newsroom();
    const target = await article({ slug: 'before-the-rename' });
    const newSection = await createSection(db);
    await db.article.update({
      where: { id: target.id },
      data: { slug: 'after-the-rename', title: 'A better headline', sectionId: newSection.id },
    });
    const related = [{ articleId: target.id }];
    expect(await resolveRelatedLinks(db, related)).toEqual([
      { title: target.title, href: `/${section.slug}/before-the-rename` },
    ]);

    await goLive(db, target.id);
    expect(await resolveRelatedLinks(db, related)).toEqual([
      { title: 'A better headline', href: `/${newSection.slug}/after-the-rename` },
    ]);
  });

  it('drops targets readers cannot see: drafts and articles taken back from publication', async () => {
    const { db, section, article } = await newsroom();
    const draft = await article({ status: 'draft' });
    const withdrawn = await article();
    const visible = await article();
    await takeDown(db, withdrawn.id);

    expect(
      await resolveRelatedLinks(db, [
        { articleId: draft.id },
        { articleId: withdrawn.id },
        { articleId: visible.id },
      ]),
    ).toEqual([{ title: visible.title, href: `/${section.slug}/${visible.slug}` }]);
  });

  it('titles an external link by its URL when its title is blank', async () => {
    const { db } = await newsroom();
    expect(
      await resolveRelatedLinks(db, [{ url: 'https://example.org/untitled', title: ' ' }]),
    ).toEqual([{ title: 'https://example.org/untitled', href: 'https://example.org/untitled' }]);
  });

  it('is part of the article that findPublishedArticle returns', async () => {
    const { db, section, article } = await newsroom();
    const target = await article();
    const source = await article({ related: [{ articleId: target.id }] });

    const found = await findPublishedArticle(db, section.slug, source.slug);
    expect(found?.related).toEqual([
      { title: target.title, href: `/${section.slug}/${target.slug}` },
    ]);
  });

  it('names every linked article to findPublishedArticle, shown or not (the page depends on them)', async () => {
    const { db, section, article } = await newsroom();
    const [draft, visible] = [await article({ status: 'draft' }), await article()];
    const source = await article({
      related: [
        { articleId: draft.id },
        { url: 'https://example.org/x', title: 'X' },
        { articleId: visible.id },
      ],
    });

    const found = await findPublishedArticle(db, section.slug, source.slug);
    expect(found?.relatedArticleIds).toEqual([draft.id, visible.id]);
  });
});

describe('parseRelatedJson', () => {
  it('keeps well-formed entries and drops everything else', () => {
    expect(
      parseRelatedJson(
        JSON.stringify([
          { articleId: 'a' },
          { url: 'https://x.example/', title: 'X' },
          { url: 1 },
          null,
          'y',
        ]),
      ),
    ).toEqual([{ articleId: 'a' }, { url: 'https://x.example/', title: 'X' }]);
    expect(parseRelatedJson('not json')).toEqual([]);
    expect(parseRelatedJson('{"articleId":"a"}')).toEqual([]);
  });
});
