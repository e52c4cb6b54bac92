// Two real editor processes on one database, as behind a load balancer: an update made through
// one is served by the other, whose cached page is dropped by the invalidation message (the
// ChangeEvent table on SQLite, PostgreSQL LISTEN/NOTIFY, or Redis pub/sub when a Redis is
// given), and a reader's "Get short URL" requests count against one limit on both.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { startTogether } from '@newsroom/testing';
import { SHORT_LINK_REQUESTS_PER_MINUTE } from '../short-links/limits';
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
  {
    name: process.env.TEST_DATABASE_URL
      ? 'PostgreSQL LISTEN/NOTIFY'
      : 'the SQLite ChangeEvent table',
    env: {},
  },
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
    const instanceEnv = { ...env, TRUSTED_PROXIES: 'loopback' };
    [a, b] = await startTogether([
      () => startEditor(testDb.url, instanceEnv),
      () => startEditor(testDb.url, instanceEnv),
    ]);
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

  it('counts "Get short URL" requests of one reader on both instances against one limit', async () => {
    // An article that is not live: each allowed request answers 404 without calling the
    // shortener; the one over the limit answers 429, whichever instance it reaches. The reader's
    // address comes through the trusted loopback proxy, in a /64 network new for each run (a
    // Redis kept between runs still holds the last run's counts).
    const network = `2001:db8:${randomBytes(4)
      .toString('hex')
      .replace(/(....)(....)/, '$1:$2')}`;
    const post = (instance: EditorProcess, reader: string) =>
      fetch(`${instance.url}/api/articles/not-live-${Date.now()}/short-link`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: instance.url,
          'x-forwarded-for': reader,
        },
      });
    // A reader's IPv6 network is one client: a new address of it for every request is no new
    // budget (its owner can use any of them).
    const statuses: number[] = [];
    for (let index = 0; index < SHORT_LINK_REQUESTS_PER_MINUTE; index += 1) {
      statuses.push((await post(index % 2 === 0 ? a : b, `${network}::${index + 1}`)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([404]));
    const refused = await post(a, `${network}::ffff`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await post(b, `${network}:1::1`)).status).toBe(429);
  });
});
