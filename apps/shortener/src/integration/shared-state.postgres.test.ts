// Several instances agree at once: two real shortener processes on one PostgreSQL, with a link
// cache TTL of ten minutes, so a change seen on the other instance within a second can only have
// come through the change feed (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub with REDIS_URL), and
// rate limits counted on both add up in the shared store. Runs under `npm run test:postgres`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createApiClient } from '../testing/api-client';
import {
  startTwoShorteners,
  type ApiClient,
  type HttpClient,
  type TwoShorteners,
} from '../testing/shortener-clients';

/** The promise made to operators: a change reaches every instance within this. */
const PROPAGATION_DEADLINE_MS = 1_000;
const CACHE_TTL_MS = 600_000;
const UNKNOWN_LIMIT = 5;
const CREATE_LIMIT = 10;

function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url)
    throw new Error('TEST_REDIS_URL is not set: run these tests with npm run test:postgres');
  return url;
}

const transports: Array<[string, () => Record<string, string>]> = [
  ['PostgreSQL (LISTEN/NOTIFY, RateLimit table)', () => ({})],
  ['Redis (pub/sub, counters)', () => ({ REDIS_URL: testRedisUrl() })],
];

describe.each(transports)('two shortener instances sharing state through %s', (_name, env) => {
  let testDb: TestDatabase;
  let instances: TwoShorteners;
  let apiOnA: ApiClient;
  let httpA: HttpClient;
  let httpB: HttpClient;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const instanceEnv = {
      ...env(),
      SHORTENER_CACHE_TTL_MS: String(CACHE_TTL_MS),
      SHORTENER_UNKNOWN_LIMIT_PER_MINUTE: String(UNKNOWN_LIMIT),
      SHORTENER_CREATE_LIMIT_PER_MINUTE: String(CREATE_LIMIT),
      // Each test is its own client: X-Forwarded-For from the local test process is believed.
      TRUSTED_PROXIES: 'loopback',
    };
    instances = await startTwoShorteners(testDb, 'scale-out', instanceEnv);
    ({ apiOnA, httpA, httpB } = instances);
  });

  afterAll(async () => {
    await instances?.stop();
    await testDb?.cleanup();
  });

  /** Asks B until it answers `expected`; fails past the deadline (counted from the change). */
  async function waitOnB(path: string, expected: number, changedAt: number, client: string) {
    let last = 0;
    do {
      const answer = await httpB.request(path, { headers: { 'x-forwarded-for': client } });
      last = answer.status;
      if (last === expected) return answer;
    } while (Date.now() - changedAt < PROPAGATION_DEADLINE_MS);
    throw new Error(
      `B still answered ${last} for ${path}, not ${expected}, ${PROPAGATION_DEADLINE_MS} ms after the change on A`,
    );
  }

  async function linkCachedOnB(url: string) {
    const { status, json: link } = await apiOnA('POST', '/api/links', { url });
    expect(status).toBe(201);
    expect((await httpB.request(`/${link.code}`)).status).toBe(302); // cached on B from now on
    return link as { code: string };
  }

  it('disabled through A: B answers 410 within a second', async () => {
    const link = await linkCachedOnB('https://example.com/to-disable');
    expect((await apiOnA('PATCH', `/api/links/${link.code}`, { disabled: true })).status).toBe(200);
    await waitOnB(`/${link.code}`, 410, Date.now(), '203.0.113.1');
  });

  it('a new destination set through A: B redirects there within a second', async () => {
    const link = await linkCachedOnB('https://example.com/old-destination');
    const changed = await apiOnA('PATCH', `/api/links/${link.code}`, {
      url: 'https://example.com/new-destination',
    });
    expect(changed.status).toBe(200);
    const changedAt = Date.now();
    let location: string | undefined;
    do {
      location = (await httpB.request(`/${link.code}`)).headers.location;
    } while (
      location !== 'https://example.com/new-destination' &&
      Date.now() - changedAt < PROPAGATION_DEADLINE_MS
    );
    expect(location).toBe('https://example.com/new-destination');
  });

  it('deleted through A: B answers 410 (deleted) within a second', async () => {
    const link = await linkCachedOnB('https://example.com/to-delete');
    expect((await apiOnA('DELETE', `/api/links/${link.code}`)).status).toBe(204);
    await waitOnB(`/${link.code}`, 410, Date.now(), '203.0.113.2');
  });

  it('created through A after B answered 404 for it: B redirects within a second', async () => {
    const client = '203.0.113.3';
    expect(
      (await httpB.request('/arrives-later', { headers: { 'x-forwarded-for': client } })).status,
    ).toBe(404); // remembered as unknown on B
    const created = await apiOnA('POST', '/api/links', {
      url: 'https://example.com/arrived',
      alias: 'arrives-later',
    });
    expect(created.status).toBe(201);
    const answer = await waitOnB('/arrives-later', 302, Date.now(), client);
    expect(answer.headers.location).toBe('https://example.com/arrived');
  });

  it('counts one client’s unknown codes on both instances against one limit', async () => {
    const client = { headers: { 'x-forwarded-for': '198.51.100.7' } };
    const statuses = [];
    for (let index = 0; index <= UNKNOWN_LIMIT; index += 1) {
      const http = index % 2 === 0 ? httpA : httpB;
      statuses.push((await http.request(`/nothing-${index}`, client)).status);
    }
    expect(statuses).toEqual([...Array(UNKNOWN_LIMIT).fill(404), 429]);
    // Another client is not affected; the blocked one sees no redirect either, on any instance
    // (a known code would confirm a guess).
    const known = await linkCachedOnB('https://example.com/known');
    const other = { headers: { 'x-forwarded-for': '198.51.100.8' } };
    expect((await httpA.request(`/${known.code}`, other)).status).toBe(302);
    expect((await httpB.request(`/nothing-else`, client)).status).toBe(429);
    expect((await httpB.request(`/${known.code}`, client)).status).toBe(429);
    expect(
      Number((await httpB.request(`/${known.code}`, client)).headers['retry-after']),
    ).toBeGreaterThan(0);
  });

  it('limits link creation per API key across both instances', async () => {
    const { key } = await createApiKey(testDb.db, 'creation limit');
    const onA = createApiClient(instances.a.url, key);
    const onB = createApiClient(instances.b.url, key);
    const statuses = [];
    for (let index = 0; index <= CREATE_LIMIT; index += 1) {
      const api = index % 2 === 0 ? onA : onB;
      statuses.push(
        (await api('POST', '/api/links', { url: `https://example.com/${index}` })).status,
      );
    }
    expect(statuses).toEqual([...Array(CREATE_LIMIT).fill(201), 429]);
    const refused = await onB('POST', '/api/links', { url: 'https://example.com/more' });
    expect(refused.json.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
