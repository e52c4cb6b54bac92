import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { freePort } from '@newsroom/testing';
import {
  createRateLimiter,
  isRateLimitStoreError,
  RateLimitStoreError,
  type RateLimitStore,
} from './rate-limiter';

// Limiter names unique to this run: a Redis server kept between runs still holds the last run's counts.
const RUN = randomUUID().slice(0, 8);

let testDb: TestDatabase;
let redis: Redis | undefined;
beforeAll(async () => {
  testDb = await createTestDatabase();
  if (process.env.TEST_REDIS_URL) redis = new Redis(process.env.TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await testDb.cleanup();
});

// The database store always; Redis too under `npm run test:postgres` (TEST_REDIS_URL).
const stores: Array<[string, () => RateLimitStore]> = [
  ['database', () => ({ kind: 'database', db: testDb.db })],
  ...(process.env.TEST_REDIS_URL
    ? [['redis', () => ({ kind: 'redis', client: redis! })] as [string, () => RateLimitStore]]
    : []),
];

describe.each(stores)('rate limiter on the %s store', (_kind, store) => {
  it('allows exactly the limit among concurrent attempts', async () => {
    const limiter = createRateLimiter(store(), {
      name: `concurrent-${_kind}-${RUN}`,
      points: 10,
      windowSeconds: 60,
    });
    const decisions = await Promise.all(
      Array.from({ length: 100 }, () => limiter.consume('alice')),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts keys and limiters separately, and forgets a key on reset', async () => {
    const a = createRateLimiter(store(), {
      name: `sep-a-${_kind}-${RUN}`,
      points: 1,
      windowSeconds: 60,
    });
    const b = createRateLimiter(store(), {
      name: `sep-b-${_kind}-${RUN}`,
      points: 1,
      windowSeconds: 60,
    });
    expect((await a.consume('k')).allowed).toBe(true);
    expect((await a.consume('k')).allowed).toBe(false);
    expect((await a.consume('other')).allowed).toBe(true);
    expect((await b.consume('k')).allowed).toBe(true);
    await a.reset('k');
    expect((await a.consume('k')).allowed).toBe(true);
  });

  it('shares counts between two limiters with one name (two processes)', async () => {
    const options = { name: `shared-${_kind}-${RUN}`, points: 3, windowSeconds: 60 };
    const first = createRateLimiter(store(), options);
    const second = createRateLimiter(store(), options);
    await first.consume('bob');
    await second.consume('bob');
    await first.consume('bob');
    expect((await second.consume('bob')).allowed).toBe(false);
  });

  it('keeps refusing for blockSeconds once over the limit', async () => {
    const limiter = createRateLimiter(store(), {
      name: `block-${_kind}-${RUN}`,
      points: 1,
      windowSeconds: 1,
      blockSeconds: 600,
    });
    await limiter.consume('carol');
    const refused = await limiter.consume('carol');
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(500);
  });
});

/** A Redis client for a port nothing listens on, which gives up at once instead of queueing. */
async function unreachableRedis() {
  return new Redis({
    port: await freePort(),
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
}

describe('a store that cannot be reached', () => {
  it('is neither an allowance nor a refusal: consume rejects with RateLimitStoreError', async () => {
    const unreachable = await unreachableRedis();
    const limiter = createRateLimiter(
      { kind: 'redis', client: unreachable },
      { name: `down-${RUN}`, points: 5, windowSeconds: 60 },
    );
    const failure = await limiter.consume('dave').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RateLimitStoreError);
    expect(isRateLimitStoreError(failure)).toBe(true);
    expect(isRateLimitStoreError(new Error('other'))).toBe(false);
    expect((failure as Error).message).toMatch(/^The rate-limit store is unavailable: /);
    unreachable.disconnect();
  });
});

describe('Redis away, with the database as fallback', () => {
  it('counts in the database meanwhile: the limit holds, shared with the database store', async () => {
    const unreachable = await unreachableRedis();
    const options = { name: `fallback-${RUN}`, points: 2, windowSeconds: 60 };
    const viaRedis = createRateLimiter(
      { kind: 'redis', client: unreachable, fallback: testDb.db },
      options,
    );
    expect((await viaRedis.consume('erin')).allowed).toBe(true);
    expect((await viaRedis.consume('erin')).allowed).toBe(true);
    expect((await viaRedis.consume('erin')).allowed).toBe(false);
    // The counts are the database store's own: another instance without Redis sees them.
    const viaDatabase = createRateLimiter({ kind: 'database', db: testDb.db }, options);
    expect((await viaDatabase.consume('erin')).allowed).toBe(false);
    await viaRedis.reset('erin');
    expect((await viaDatabase.consume('erin')).allowed).toBe(true);
    unreachable.disconnect();
  });
});
