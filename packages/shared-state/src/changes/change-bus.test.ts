import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { openSharedState, type SharedState } from '../shared-state';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

/** Resolves with the first message `state` receives on `topic`. */
function nextMessage(state: SharedState, topic: string): Promise<string> {
  return new Promise((resolve) => {
    const unsubscribe = state.changes.subscribe(topic, (message) => {
      unsubscribe();
      resolve(message);
    });
  });
}

describe('change bus', () => {
  it('delivers to subscribers in the publishing process', async () => {
    const state = openSharedState({ db: testDb.db, databaseUrl: testDb.url, redisUrl: '' });
    await state.ready();
    const received = nextMessage(state, 'links');
    await state.changes.publish('links', 'abc123');
    expect(await received).toBe('abc123');
    await state.close();
  });

  it('refuses a message too large for PostgreSQL NOTIFY', async () => {
    const state = openSharedState({ db: testDb.db, databaseUrl: testDb.url, redisUrl: '' });
    await expect(state.changes.publish('links', 'x'.repeat(8_000))).rejects.toThrow(/bytes/);
    await state.close();
  });
});

// Two instances against one database (SQLite or PostgreSQL), and against one Redis.
const sharedTransports: Array<[string, string]> = [
  [process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite', ''],
  ...(process.env.TEST_REDIS_URL
    ? [['redis', process.env.TEST_REDIS_URL] as [string, string]]
    : []),
];

describe.each(sharedTransports)('change bus across instances (%s)', (transport, redisUrl) => {
  it('reaches the other instance, once, and each instance hears itself once', async () => {
    const open = () => openSharedState({ db: testDb.db, databaseUrl: testDb.url, redisUrl });
    const [a, b] = [open(), open()];
    expect(a.transport).toBe(transport);
    await Promise.all([a.ready(), b.ready()]);
    const heardByA: string[] = [];
    a.changes.subscribe('articles', (message) => heardByA.push(message));
    const atB = nextMessage(b, 'articles');
    await a.changes.publish('articles', 'first');
    expect(await atB).toBe('first');
    // A second message through B proves A received nothing twice meanwhile (ordering per bus).
    const atA = nextMessage(a, 'articles');
    await b.changes.publish('articles', 'second');
    expect(await atA).toBe('second');
    expect(heardByA).toEqual(['first', 'second']);
    await Promise.all([a.close(), b.close()]);
  });
});
