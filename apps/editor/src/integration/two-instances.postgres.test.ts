// Two real editor processes on one PostgreSQL database, as behind a load balancer: an update made
// through one is served by the other, whose cached page is dropped by the invalidation message
// (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub when a Redis is given). PostgreSQL only: on SQLite
// invalidations stay in one process, which is the only setup SQLite supports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import {
  createNewsroom,
  insertArticle,
  paragraphs,
  staffClient,
} from '../testing/newsroom-fixtures';

/**
 * Well under the cache's own expiry (10 minutes), so only the invalidation message can make B
 * serve the update; how fast it arrives is the bench's figure, not this test's.
 */
const WAIT_FOR_B_MS = 30_000;

const transports: { name: string; env: Record<string, string> }[] = [
  { name: 'PostgreSQL LISTEN/NOTIFY', env: {} },
  ...(process.env.TEST_REDIS_URL
    ? [{ name: 'Redis pub/sub', env: { REDIS_URL: process.env.TEST_REDIS_URL } }]
    : []),
];

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.cleanup());

describe.each(transports)('two editor instances over $name', ({ env }) => {
  let a: EditorProcess;
  let b: EditorProcess;
  beforeAll(async () => {
    [a, b] = await Promise.all([startEditor(testDb.url, env), startEditor(testDb.url, env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('an update through one instance is served by the other', async () => {
    const newsroom = await createNewsroom(testDb.db);
    const row = await insertArticle(testDb.db, {
      authorId: newsroom.editor.id,
      sectionId: newsroom.world.id,
      slug: `shared-story-${Date.now()}`,
      title: 'Shared story',
      text: 'What both instances serve first.',
    });
    const path = `/${newsroom.world.slug}/${row.slug}`;
    // B renders and caches the page.
    await fetch(`${b.url}${path}`).then((response) => response.text());
    const cachedOnB = await fetch(`${b.url}${path}`);
    expect(cachedOnB.headers.get('x-cache')).toBe('hit');
    expect(await cachedOnB.text()).toContain('What both instances serve first.');

    const staffOnA = staffClient(a.url, newsroom.sessionToken);
    const saved = await staffOnA.save(await staffOnA.get(row.id), {
      body: paragraphs('Updated through A.'),
    });
    await staffOnA.publish(saved); // "Update": the working copy goes live

    await expect
      .poll(async () => (await fetch(`${b.url}${path}`)).text(), { timeout: WAIT_FOR_B_MS })
      .toContain('Updated through A.');
  });
});
