// PostgreSQL's listening connection cut by the server (what a restart or a failover does): the
// bus listens again and says so, so caches can drop what they may have missed. Runs under
// `npm run test:postgres`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { openSharedState } from '../shared-state';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('change bus after a lost connection', () => {
  it('tells its subscribers when it listens again, and delivers again', async () => {
    const open = () => openSharedState({ db: testDb.db, databaseUrl: testDb.url, redisUrl: '' });
    const [listening, publishing] = [open(), open()];
    await Promise.all([listening.ready(), publishing.ready()]);
    const resumed = new Promise<void>((resolve) => listening.changes.onResumed(resolve));
    await testDb.db.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query = 'LISTEN newsroom_changes'`,
    );
    await resumed;
    const received = new Promise<string>((resolve) =>
      listening.changes.subscribe('articles', resolve),
    );
    await publishing.changes.publish('articles', 'after the gap');
    expect(await received).toBe('after the gap');
    await Promise.all([listening.close(), publishing.close()]);
  });
});
