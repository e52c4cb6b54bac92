// PostgreSQL only (`npm run test:postgres`; vitest.config.ts leaves it out otherwise): row locks
// and deadlocks are PostgreSQL's; SQLite locks the whole file, so there is no lock order to get
// wrong there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, isPostgres } from '@newsroom/db';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createLink } from '../links/link-service';
import { ClickBuffer } from './click-buffer';

if (!isPostgres(process.env.TEST_DATABASE_URL ?? '')) {
  throw new Error('click-buffer.postgres.test.ts needs TEST_DATABASE_URL (npm run test:postgres)');
}

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const newLink = async () =>
  (
    await createLink(testDb.db, {
      url: 'https://example.com/',
      redirectType: 302,
      expiresAt: null,
    })
  ).link;

describe('ClickBuffer on PostgreSQL', () => {
  it('does not deadlock when instances flush the same links in opposite orders', async () => {
    // On PostgreSQL, unsorted batches deadlocked in most rounds here (row locks taken in click
    // order, which differs per instance); each deadlock is a failed flush reported to onError.
    const links = await Promise.all(Array.from({ length: 30 }, () => newLink()));
    const clients = [createDb(testDb.url), createDb(testDb.url)];
    const errors: unknown[] = [];
    const buffers = clients.map(
      (db) =>
        new ClickBuffer({
          db,
          intervalMs: 60_000,
          flushEvery: 1_000_000,
          onError: (error) => errors.push(error),
        }),
    );
    const now = Date.UTC(2030, 6, 1);
    const rounds = 10;
    for (let round = 0; round < rounds; round += 1) {
      // Visit details too: their rows are locked in the same sorted order.
      const details = ['referrer\nt.co', 'device\nmobile', 'country\nDE'];
      for (const link of links) buffers[0]?.record(link.id, now, details);
      for (const link of [...links].reverse()) {
        buffers[1]?.record(link.id, now, [...details].reverse());
      }
      await Promise.all(buffers.map((clicks) => clicks.flush()));
    }
    expect(errors).toEqual([]);
    const rows = await testDb.db.clickDay.findMany({
      where: { linkId: { in: links.map((link) => link.id) } },
    });
    expect(rows.map((row) => row.count)).toEqual(links.map(() => rounds * 2));
    const detailRows = await testDb.db.clickDetail.findMany({
      where: { linkId: { in: links.map((link) => link.id) } },
    });
    expect(detailRows.map((row) => row.count)).toEqual(detailRows.map(() => rounds * 2));
    expect(detailRows).toHaveLength(links.length * 3);
    await Promise.all(clients.map((client) => client.$disconnect()));
  });
});
