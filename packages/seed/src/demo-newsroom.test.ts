import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { seedDemoNewsroom } from './demo-newsroom';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('the demo newsroom', () => {
  it('seeds the published seed article with its four related articles, once', async () => {
    const login = await seedDemoNewsroom(testDb.db, { adminPassword: 'demo password 123' });
    expect(login).toEqual({ email: 'admin@newsroom.local', password: 'demo password 123' });

    const article = await testDb.db.article.findFirstOrThrow({
      where: { section: { slug: 'military-intelligence' } },
      include: { relatedLinks: { orderBy: { position: 'asc' }, include: { target: true } } },
    });
    expect(article.status).toBe('published');
    expect(article.publishedAt?.toISOString()).toBe('2021-04-14T07:00:00.000Z');
    expect(article.relatedLinks.map((link) => link.target?.status)).toEqual([
      'published',
      'published',
      'published',
      'published',
    ]);
    const live = await testDb.db.articleLive.findUniqueOrThrow({
      where: { articleId: article.id },
    });
    expect(live.publishedAt.toISOString()).toBe('2021-04-14T07:00:00.000Z');
    expect(JSON.parse(live.related)).toHaveLength(4);
    expect(await testDb.db.articleLive.count()).toBe(5);
    const body = JSON.stringify(JSON.parse(article.body));
    expect(body.match(/"footnoteReference"/g)).toHaveLength(2);

    expect(await seedDemoNewsroom(testDb.db)).toBeNull();
    expect(await testDb.db.user.count()).toBe(1);
  });
});
