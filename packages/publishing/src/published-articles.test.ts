import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import {
  findPublishedArticle,
  findCurrentArticlePath,
  findLiveArticlePath,
  findSection,
  listPublishedArticles,
  listSections,
} from './published-articles';
import { createArticle, createAuthor, createSection, goLive, takeDown } from './test-newsroom';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const hoursAfterEpoch = (hours: number) => new Date(Date.UTC(2021, 3, 14) + hours * 3_600_000);

describe('listPublishedArticles', () => {
  it('lists published articles newest first with section and path, and never drafts', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const world = await createSection(db, 'list-world', 'World');
    const older = await createArticle(db, {
      authorId: author.id,
      sectionId: world.id,
      slug: 'list-older',
      standfirst: 'The older one.',
      publishedAt: hoursAfterEpoch(1),
    });
    await createArticle(db, { authorId: author.id, sectionId: world.id, status: 'draft' });
    const newer = await createArticle(db, {
      authorId: author.id,
      sectionId: world.id,
      slug: 'list-newer',
      publishedAt: hoursAfterEpoch(2),
    });

    const { articles, hasNextPage } = await listPublishedArticles(db, {
      sectionSlug: 'list-world',
    });

    expect(articles.map((article) => article.id)).toEqual([newer.id, older.id]);
    expect(articles[1]).toEqual({
      id: older.id,
      slug: 'list-older',
      title: older.title,
      standfirst: 'The older one.',
      publishedAt: hoursAfterEpoch(1),
      section: { slug: 'list-world', name: 'World' },
      path: '/list-world/list-older',
      leadImage: null,
    });
    expect(hasNextPage).toBe(false);
  });

  it('lists only the asked section, and nothing for a section that does not exist', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const [one, two] = [await createSection(db), await createSection(db)];
    const inOne = await createArticle(db, { authorId: author.id, sectionId: one.id });
    await createArticle(db, { authorId: author.id, sectionId: two.id });

    const page = await listPublishedArticles(db, { sectionSlug: one.slug });
    expect(page.articles.map((article) => article.id)).toEqual([inOne.id]);
    expect((await listPublishedArticles(db, { sectionSlug: 'no-such-section' })).articles).toEqual(
      [],
    );
  });

  it('pages through articles without overlap, even when they share a publication time', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const section = await createSection(db);
    const sameInstant = hoursAfterEpoch(10);
    for (let i = 0; i < 5; i++) {
      await createArticle(db, {
        authorId: author.id,
        sectionId: section.id,
        publishedAt: sameInstant,
      });
    }

    const pages = [];
    for (let page = 1; page <= 3; page++) {
      pages.push(await listPublishedArticles(db, { sectionSlug: section.slug, page, pageSize: 2 }));
    }

    expect(pages.map((page) => page.articles.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.hasNextPage)).toEqual([true, true, false]);
    const ids = pages.flatMap((page) => page.articles.map((article) => article.id));
    expect(new Set(ids).size).toBe(5);
  });

  it('reads a nonsensical page or page size as the defaults', async () => {
    const { db } = testDb;
    for (const page of [0, -3, 1.5, Number.NaN]) {
      expect((await listPublishedArticles(db, { page })).page).toBe(1);
    }
    expect((await listPublishedArticles(db, { pageSize: 0 })).pageSize).toBe(20);
    expect((await listPublishedArticles(db, { pageSize: 10_000 })).pageSize).toBe(100);
  });
});

describe('findPublishedArticle', () => {
  it('finds a published article by section and slug, with only the author name', async () => {
    const { db } = testDb;
    const author = await createAuthor(db, 'Bea Reporter');
    const section = await createSection(db, 'find-politics', 'Politics');
    const article = await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      slug: 'find-me',
      standfirst: 'Found.',
      publishedAt: hoursAfterEpoch(3),
    });

    const found = await findPublishedArticle(db, 'find-politics', 'find-me');

    expect(found).toMatchObject({
      id: article.id,
      title: article.title,
      standfirst: 'Found.',
      body: article.body,
      markerStyle: 'symbols',
      publishedAt: hoursAfterEpoch(3),
      section: { slug: 'find-politics', name: 'Politics' },
      path: '/find-politics/find-me',
      related: [],
    });
    expect(found?.author).toEqual({ name: 'Bea Reporter' });
  });

  it('treats drafts, unpublished articles, wrong sections and unknown slugs as not found', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const section = await createSection(db);
    const other = await createSection(db);
    const draft = await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      status: 'draft',
    });
    const withdrawn = await createArticle(db, { authorId: author.id, sectionId: section.id });
    await takeDown(db, withdrawn.id);
    const published = await createArticle(db, { authorId: author.id, sectionId: section.id });

    expect(await findPublishedArticle(db, section.slug, draft.slug)).toBeNull();
    expect(await findPublishedArticle(db, section.slug, withdrawn.slug)).toBeNull();
    expect(await findPublishedArticle(db, other.slug, published.slug)).toBeNull();
    expect(await findPublishedArticle(db, section.slug, 'no-such-article')).toBeNull();
    expect(await findPublishedArticle(db, section.slug, published.slug)).not.toBeNull();
  });
});

describe('the live version', () => {
  it('is what readers get: working-copy edits show only once they go live', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const section = await createSection(db);
    const article = await createArticle(db, {
      authorId: author.id,
      sectionId: section.id,
      title: 'As published',
    });
    await db.article.update({ where: { id: article.id }, data: { title: 'Half-written' } });

    expect((await findPublishedArticle(db, section.slug, article.slug))?.title).toBe(
      'As published',
    );
    const listed = await listPublishedArticles(db, { sectionSlug: section.slug });
    expect(listed.articles.map((summary) => summary.title)).toEqual(['As published']);

    await goLive(db, article.id);
    expect((await findPublishedArticle(db, section.slug, article.slug))?.title).toBe(
      'Half-written',
    );
  });
});

describe('findCurrentArticlePath and findLiveArticlePath', () => {
  it('lead every slug and section an article has had to its current URL; nothing once it is down', async () => {
    const { db } = testDb;
    const author = await createAuthor(db);
    const [before, after] = [await createSection(db), await createSection(db)];
    const moved = await createArticle(db, {
      authorId: author.id,
      sectionId: before.id,
      slug: 'first-slug',
    });
    await db.article.update({ where: { id: moved.id }, data: { slug: 'second-slug' } });
    await goLive(db, moved.id);
    await db.article.update({
      where: { id: moved.id },
      data: { slug: 'third-slug', sectionId: after.id },
    });
    await goLive(db, moved.id);
    const draft = await createArticle(db, {
      authorId: author.id,
      sectionId: before.id,
      status: 'draft',
    });

    const current = `/${after.slug}/third-slug`;
    for (const slug of ['first-slug', 'second-slug', 'third-slug'])
      expect(await findCurrentArticlePath(db, slug)).toBe(current);
    expect(await findLiveArticlePath(db, moved.id)).toBe(current);
    expect(await findCurrentArticlePath(db, draft.slug)).toBeNull();
    expect(await findLiveArticlePath(db, draft.id)).toBeNull();
    expect(await findCurrentArticlePath(db, 'no-such-article')).toBeNull();

    await takeDown(db, moved.id);
    expect(await findCurrentArticlePath(db, 'first-slug')).toBeNull();
    expect(await findLiveArticlePath(db, moved.id)).toBeNull();
  });
});

describe('sections', () => {
  it('finds a section by slug and lists sections in the newsroom order', async () => {
    const { db } = testDb;
    await db.section.create({ data: { slug: 'order-b', name: 'Second', position: -1 } });
    await db.section.create({ data: { slug: 'order-a', name: 'First', position: -2 } });

    expect(await findSection(db, 'order-a')).toEqual({ slug: 'order-a', name: 'First' });
    expect(await findSection(db, 'no-such-section')).toBeNull();
    expect((await listSections(db)).slice(0, 2)).toEqual([
      { slug: 'order-a', name: 'First' },
      { slug: 'order-b', name: 'Second' },
    ]);
  });
});
