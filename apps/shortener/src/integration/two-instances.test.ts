// Scaling out: two real shortener processes on free ports share one database, as behind a load
// balancer. On PostgreSQL under `npm run test:postgres`, on one SQLite file otherwise (where
// changes travel through the ChangeEvent table). Each instance caches links for ten minutes, so
// a change made through one instance that reaches the other within a second (plus a margin for
// a loaded machine: a correctness bound, never a speed figure) came through the change feed; and
// clicks counted by both must add up exactly once both have flushed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { runPool } from '../testing/http-client';
import {
  NO_RATE_LIMITS,
  startTwoShorteners,
  type ApiClient,
  type HttpClient,
  type TwoShorteners,
} from '../testing/shortener-clients';
import type { ShortenerProcess } from '../testing/shortener-process';

const CACHE_TTL_MS = 600_000;
/** The promise made to operators: a change reaches every instance within this. */
const PROPAGATION_MS = 1_000;
/** Request latency and scheduling on a loaded CI machine, on top of it. */
const MARGIN_MS = 2_000;
const POLL_EVERY_MS = 25;

let testDb: TestDatabase;
let instances: TwoShorteners;
let a: ShortenerProcess;
let b: ShortenerProcess;
let apiOnA: ApiClient;
let httpA: HttpClient;
let httpB: HttpClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const env = {
    SHORTENER_CACHE_TTL_MS: String(CACHE_TTL_MS),
    // Frequent flushes, so both instances write the same ClickDay rows while clicks come in.
    SHORTENER_CLICK_FLUSH_MS: '100',
    ...NO_RATE_LIMITS,
  };
  instances = await startTwoShorteners(testDb, 'two instances', env);
  ({ a, b, apiOnA, httpA, httpB } = instances);
});

afterAll(async () => {
  await instances?.stop();
  await testDb?.cleanup();
});

/**
 * Requests `path` until the status is `expected`. Fails once the propagation time and margin
 * have passed since the change: the change did not reach the other instance's cache.
 */
async function waitForStatus(
  http: HttpClient,
  path: string,
  expected: number,
  since: number,
): Promise<void> {
  const deadline = since + PROPAGATION_MS + MARGIN_MS;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await http.request(path)).status;
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  throw new Error(
    `${path} still answered ${last}, not ${expected}, ${PROPAGATION_MS + MARGIN_MS} ms after the change`,
  );
}

describe('two shortener instances on one database', () => {
  it('redirects on B a link created through A', async () => {
    const created = await apiOnA('POST', '/api/links', { url: 'https://example.com/from-a' });
    expect(created.status).toBe(201);
    const redirect = await httpB.request(`/${created.json.code}`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe('https://example.com/from-a');
  });

  it('redirects on B, within a second, a code B had already answered 404 for', async () => {
    // B remembers unknown codes too (negative cache), so this is the slow case.
    expect((await httpB.request('/made-later')).status).toBe(404);
    const created = await apiOnA('POST', '/api/links', {
      url: 'https://example.com/later',
      alias: 'made-later',
    });
    expect(created.status).toBe(201);
    await waitForStatus(httpB, '/made-later', 302, Date.now());
    expect((await httpB.request('/made-later')).headers.location).toBe('https://example.com/later');
  });

  it('stops redirecting on B within a second once disabled through A', async () => {
    const { json: link } = await apiOnA('POST', '/api/links', { url: 'https://example.com/off' });
    expect((await httpB.request(`/${link.code}`)).status).toBe(302); // now cached on B
    const disabled = await apiOnA('PATCH', `/api/links/${link.code}`, { disabled: true });
    expect(disabled.status).toBe(200);
    const changedAt = Date.now();
    // A invalidates its own cache at once; B follows through the change feed.
    expect((await httpA.request(`/${link.code}`)).status).toBe(410);
    await waitForStatus(httpB, `/${link.code}`, 410, changedAt);
    for (let check = 0; check < 5; check += 1) {
      expect((await httpB.request(`/${link.code}`)).status).toBe(410);
    }
  });

  it('adds up clicks counted on both instances exactly, after both flush on SIGTERM', async () => {
    const links = await Promise.all(
      ['one', 'two', 'three'].map(
        async (name) =>
          (await apiOnA('POST', '/api/links', { url: `https://example.com/${name}` })).json,
      ),
    );
    const clicksOnA = 240;
    const clicksOnB = 180;
    // Both instances click every link, interleaved, while each flushes every 100 ms: the same
    // ClickDay rows are incremented by two processes at once, many times over.
    const [statusesA, statusesB] = await Promise.all([
      runPool(clicksOnA, 10, (index) => httpA.request(`/${links[index % 3].code}`)),
      runPool(clicksOnB, 10, (index) => httpB.request(`/${links[(index + 1) % 3].code}`)),
    ]);
    expect([...statusesA, ...statusesB].every((result) => result.status === 302)).toBe(true);

    const [exitA, exitB] = await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    expect([exitA, exitB]).toEqual([0, 0]);

    const rows = await testDb.db.clickDay.findMany({
      where: { link: { code: { in: links.map((link) => link.code) } } },
      include: { link: { select: { code: true } } },
    });
    const total = (code: string) =>
      rows.filter((row) => row.link.code === code).reduce((sum, row) => sum + row.count, 0);
    expect(links.map((link) => total(link.code))).toEqual([140, 140, 140]);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(clicksOnA + clicksOnB);
  });
});
