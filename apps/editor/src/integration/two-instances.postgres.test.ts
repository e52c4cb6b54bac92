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

/** The goal: an update is served everywhere within a second ... */
const PROPAGATION_GOAL_MS = 1_000;
/** ... plus scheduling on a loaded 2-core CI machine (the bench measures the real figure). */
const LOADED_MACHINE_MARGIN_MS = 2_000;
const POLL_EVERY_MS = 20;

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
    await staffOnA.save(await staffOnA.get(row.id), { body: paragraphs('Updated through A.') });
    const updatedAt = Date.now();

    const deadline = updatedAt + PROPAGATION_GOAL_MS + LOADED_MACHINE_MARGIN_MS;
    let served = '';
    while (Date.now() < deadline) {
      served = await (await fetch(`${b.url}${path}`)).text();
      if (served.includes('Updated through A.')) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
    expect(served).toContain('Updated through A.');
  });
});
