import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import type { CreateLinkInput } from '../validation/link-input';
import {
  ARTICLE_LINK_DELETE,
  clickStats,
  createLink,
  deleteLink,
  findArticleLink,
  listLinks,
  updateLink,
} from './link-service';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const input = (url: string, extra: Partial<CreateLinkInput> = {}): CreateLinkInput => ({
  url,
  redirectType: 302,
  expiresAt: null,
  ...extra,
});

describe('createLink', () => {
  it('gives one canonical link per article, even to 100 concurrent requests', async () => {
    const article = await createPublishedArticle(testDb.db, 'concurrent');
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        createLink(testDb.db, input('https://example.com/story', { articleId: article.id })),
      ),
    );
    expect(new Set(results.map((result) => result.link.code)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await testDb.db.shortLink.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("finds an article's own link by the article's id, and nothing before it has one", async () => {
    const article = await createPublishedArticle(testDb.db, 'found-by-article');
    expect(await findArticleLink(testDb.db, article.id)).toBeNull();
    const { link } = await createLink(
      testDb.db,
      input('https://example.com/story', { articleId: article.id }),
    );
    expect((await findArticleLink(testDb.db, article.id))?.code).toBe(link.code);
  });

  it("stores an article link's own address on the reader site, not the one the request gave", async () => {
    const article = await createPublishedArticle(testDb.db, 'trusted-address');
    const { link } = await createLink(
      testDb.db,
      input('https://evil.example.com/phish', { articleId: article.id }),
      { readerSiteUrl: 'https://news.example' },
    );
    expect(link.url).toBe('https://news.example/world/trusted-address');
  });

  it('draws a new code when a generated one is taken (constraint, not check-then-insert)', async () => {
    await createLink(testDb.db, input('https://example.com/a'), { generate: () => 'TAKEN123' });
    const draws = ['TAKEN123', 'TAKEN123', 'FREE4567'];
    const { link } = await createLink(testDb.db, input('https://example.com/b'), {
      generate: () => draws.shift() ?? 'unused',
    });
    expect(link.code).toBe('FREE4567');
    expect(draws).toEqual([]);
  });

  it('refuses a taken alias and an unknown article', async () => {
    await createLink(testDb.db, input('https://example.com/a', { alias: 'spring-sale' }));
    await expect(
      createLink(testDb.db, input('https://example.com/b', { alias: 'spring-sale' })),
    ).rejects.toMatchObject({ code: 'alias_taken' });
    await expect(
      createLink(testDb.db, input('https://example.com/c', { articleId: 'no-such-article' })),
    ).rejects.toMatchObject({ code: 'unknown_article' });
  });
});

describe('list, update, delete', () => {
  it('searches by destination or code, newest first, paginated', async () => {
    await createLink(testDb.db, input('https://search.example/one'), {
      generate: () => 'srchAAA1',
    });
    await createLink(testDb.db, input('https://search.example/two'), {
      generate: () => 'srchAAA2',
    });
    const byUrl = await listLinks(testDb.db, { q: 'search.example', page: 1, pageSize: 1 });
    expect(byUrl.total).toBe(2);
    expect(byUrl.links.map((link) => link.code)).toEqual(['srchAAA2']);
    const byCode = await listLinks(testDb.db, { q: 'AAA1', page: 1, pageSize: 10 });
    expect(byCode.links.map((link) => link.url)).toEqual(['https://search.example/one']);
    const anyCase = await listLinks(testDb.db, { q: 'SRCHaaa1', page: 1, pageSize: 10 });
    expect(anyCase.links.map((link) => link.url)).toEqual(['https://search.example/one']);
  });

  it('takes % and _ in a search literally', async () => {
    await createLink(testDb.db, input('https://literal.example/under_score'));
    await createLink(testDb.db, input('https://literal.example/100%25'));
    await createLink(testDb.db, input('https://literal.example/plain'));
    const urls = async (q: string) =>
      (await listLinks(testDb.db, { q, page: 1, pageSize: 100 })).links.map((link) => link.url);
    expect(await urls('literal.example/under_')).toEqual(['https://literal.example/under_score']);
    expect(await urls('literal.example/100%')).toEqual(['https://literal.example/100%25']);
    expect(await urls('literal.example/p_ain')).toEqual([]);
    expect(await urls('literal.example/pl%n')).toEqual([]);
  });

  it('updates and deletes, and says clearly when the code does not exist', async () => {
    const { link } = await createLink(testDb.db, input('https://example.com/x'));
    const updated = await updateLink(testDb.db, link.code, { disabled: true, redirectType: 301 });
    expect(updated).toMatchObject({ disabled: true, redirectType: 301 });
    await deleteLink(testDb.db, link.code);
    await expect(updateLink(testDb.db, link.code, { disabled: false })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(deleteLink(testDb.db, link.code)).rejects.toMatchObject({ code: 'not_found' });
    expect(await clickStats(testDb.db, link.id)).toEqual({ total: 0, days: [] });
  });

  it("refuses to delete an article's own link, which stays as it was", async () => {
    const article = await createPublishedArticle(testDb.db, 'kept-link');
    const { link } = await createLink(
      testDb.db,
      input('https://example.com/kept', { articleId: article.id }),
    );
    await expect(deleteLink(testDb.db, link.code)).rejects.toMatchObject({
      code: 'article_link',
      message: ARTICLE_LINK_DELETE,
    });
    expect(await testDb.db.shortLink.findUnique({ where: { code: link.code } })).toEqual(link);
  });
});
