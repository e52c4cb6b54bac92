import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { openSharedState, type SharedState } from '@newsroom/shared-state';
import { UnknownCodeGuard } from './unknown-code-guard';

// The real shared store (the test database; Redis too when TEST_REDIS_URL is set), two guards
// standing for two instances.
let testDb: TestDatabase;
const opened: SharedState[] = [];
// Limiter names unique to this run: a Redis server kept between runs still holds the last run's counts.
const RUN = randomUUID().slice(0, 8);
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(opened.map((shared) => shared.close()));
  await testDb?.cleanup();
});

const stores: Array<[string, () => string | undefined]> = [
  ['the database', () => undefined],
  ...(process.env.TEST_REDIS_URL
    ? [['Redis', () => process.env.TEST_REDIS_URL] as [string, () => string | undefined]]
    : []),
];

describe.each(stores)('UnknownCodeGuard on %s', (storeName, redisUrl) => {
  function instance(name: string, now?: () => number) {
    const shared = openSharedState({
      db: testDb.db,
      databaseUrl: testDb.url,
      redisUrl: redisUrl(),
    });
    opened.push(shared);
    const limiter = shared.rateLimiter({
      name: `${name}-${storeName}-${RUN}`,
      points: 3,
      windowSeconds: 60,
    });
    return new UnknownCodeGuard(limiter, now);
  }

  it('allows the limit, then refuses with a wait, and remembers the block locally', async () => {
    const guard = instance('single');
    const decisions = [];
    for (let index = 0; index < 4; index += 1) decisions.push(await guard.countUnknown('10.0.0.1'));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(guard.anyBlocked).toBe(true);
    expect(guard.retryAfterSeconds('10.0.0.1')).toBeGreaterThan(0);
    expect(guard.retryAfterSeconds('10.0.0.2')).toBe(0);
    expect((await guard.countUnknown('10.0.0.2')).allowed).toBe(true);
  });

  it('counts one client across instances: the store, not each process, holds the count', async () => {
    const a = instance('shared');
    const b = instance('shared');
    expect((await a.countUnknown('10.0.0.3')).allowed).toBe(true);
    expect((await b.countUnknown('10.0.0.3')).allowed).toBe(true);
    expect((await a.countUnknown('10.0.0.3')).allowed).toBe(true);
    const refused = await b.countUnknown('10.0.0.3');
    expect(refused).toMatchObject({ allowed: false });
    expect(b.retryAfterSeconds('10.0.0.3')).toBeGreaterThan(0);
    // A has not been refused itself yet: it learns at its next unknown code.
    expect(a.anyBlocked).toBe(false);
    expect((await a.countUnknown('10.0.0.3')).allowed).toBe(false);
    expect(a.anyBlocked).toBe(true);
  });

  it('forgets a local block once its wait is over', async () => {
    let now = Date.now();
    const guard = instance('expiry', () => now);
    for (let index = 0; index < 4; index += 1) await guard.countUnknown('10.0.0.4');
    const wait = guard.retryAfterSeconds('10.0.0.4');
    expect(wait).toBeGreaterThan(0);
    now += wait * 1000;
    expect(guard.retryAfterSeconds('10.0.0.4')).toBe(0);
    expect(guard.anyBlocked).toBe(false);
  });
});
