// The redirect cache of a real shortener process: warmed at start with the most clicked links of
// the last days, and still told of every change at once. The TTL is ten minutes, so whatever a
// redirect shows here came from the cache unless the cache was told to forget it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createLink, DAY_MS, utcDay } from '@newsroom/links';
import { createApiClient } from '../testing/api-client';
import { createHttpClient, type HttpResult } from '../testing/http-client';
import { startShortener, type ShortenerProcess } from '../testing/shortener-process';

/** A change through this instance must show within a second; scheduling on a loaded machine on top. */
const CHANGE_DEADLINE_MS = 1_000 + 2_000;

let testDb: TestDatabase;
let server: ShortenerProcess;
let api: ReturnType<typeof createApiClient>;
let http: ReturnType<typeof createHttpClient>;
/** code by name: hot (most clicks), warm (second), cool (third), old (clicks 30 days ago only). */
const codes: Record<'hot' | 'warm' | 'cool' | 'old', string> = {
  hot: '',
  warm: '',
  cool: '',
  old: '',
};

async function seedClickedLinks() {
  const today = Date.now();
  const clicksByName = {
    hot: [[0, 500]],
    warm: [
      [1, 100],
      [6, 100],
    ],
    cool: [[2, 50]],
    old: [[30, 10_000]],
  } as const;
  for (const [name, days] of Object.entries(clicksByName)) {
    const { link } = await createLink(testDb.db, {
      url: `https://example.com/${name}`,
      alias: `Cache-${name}`, // stored as typed, found in any case
      redirectType: 302,
      expiresAt: null,
    });
    codes[name as keyof typeof codes] = link.code;
    for (const [daysAgo, count] of days) {
      await testDb.db.clickDay.create({
        data: { linkId: link.id, day: utcDay(today - daysAgo * DAY_MS), count },
      });
    }
  }
}

/** Changes a destination behind the shortener's back (no change notice): only a read sees it. */
async function changeInDatabaseOnly(code: string, url: string) {
  await testDb.db.shortLink.update({ where: { code }, data: { url } });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedClickedLinks();
  server = await startShortener(testDb.url, {
    SHORTENER_CACHE_TTL_MS: '600000',
    SHORTENER_CACHE_WARM: '2',
  });
  api = createApiClient(server.url, (await createApiKey(testDb.db, 'cache test')).key);
  http = createHttpClient(server.url);
});

afterAll(async () => {
  http?.close();
  await server?.stop();
  await testDb?.cleanup();
});

describe('the link cache of a running shortener', () => {
  it('is warmed at start with the most clicked links of the last days', async () => {
    expect(server.output()).toContain('Link cache warmed with the 2 most clicked link(s).');
    for (const name of ['hot', 'warm', 'cool', 'old'] as const) {
      await changeInDatabaseOnly(codes[name], `https://example.com/${name}-changed`);
    }
    const location = async (code: string) => (await http.request(`/${code}`)).headers.location;
    // Warmed: answered from memory, without reading the link (nor its change).
    expect(await location(codes.hot)).toBe('https://example.com/hot');
    expect(await location(codes.warm.toLowerCase())).toBe('https://example.com/warm');
    // Not warmed (third, or clicked only before the window): read on their first request.
    expect(await location(codes.cool)).toBe('https://example.com/cool-changed');
    expect(await location(codes.old)).toBe('https://example.com/old-changed');
  });

  /**
   * Asks until `answered` holds; fails past the deadline, counted from the API's answer (the
   * change is made then; a busy machine may take long to answer the change itself).
   */
  async function askUntil(path: string, answered: (answer: HttpResult) => boolean) {
    const changedAt = Date.now();
    let answer: HttpResult;
    do {
      answer = await http.request(path);
      if (answered(answer)) return answer;
      await new Promise((resolve) => setTimeout(resolve, 25));
    } while (Date.now() - changedAt < CHANGE_DEADLINE_MS);
    return answer;
  }

  it('still forgets a warmed link as soon as it is changed through the shortener', async () => {
    const patched = await api('PATCH', `/api/links/${codes.hot}`, {
      url: 'https://example.com/hot-edited',
    });
    expect(patched.status).toBe(200);
    const edited = await askUntil(
      `/${codes.hot.toUpperCase()}`,
      ({ headers }) => headers.location === 'https://example.com/hot-edited',
    );
    expect(edited.headers.location).toBe('https://example.com/hot-edited');

    const deleted = await api('DELETE', `/api/links/${codes.warm}`);
    expect(deleted.status).toBe(204);
    // Deleted: its code answers 410 (kept from new links for a while; see deleted-codes.test.ts).
    const gone = await askUntil(`/${codes.warm}`, ({ status }) => status === 410);
    expect(gone.status).toBe(410);
  });
});
