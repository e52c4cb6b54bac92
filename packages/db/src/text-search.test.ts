// Runs on SQLite, and on PostgreSQL under `npm run test:postgres` (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';
import { isPostgres } from './provider';
import { providerOfDb } from './db-provider';
import { containsIgnoringCase } from './text-search';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.section.createMany({
    data: [
      { slug: 'world', name: 'World News' },
      { slug: 'military', name: 'Military & Intelligence' },
    ],
  });
});
afterAll(() => testDb.cleanup());

describe('containsIgnoringCase', () => {
  it('knows which database the client talks to', () => {
    expect(providerOfDb(testDb.db)).toBe(isPostgres(testDb.url) ? 'postgresql' : 'sqlite');
  });

  it('finds text whatever its case, on either database', async () => {
    for (const query of ['world', 'WORLD', 'wOrLd NeWs']) {
      const found = await testDb.db.section.findMany({
        where: { name: containsIgnoringCase(testDb.db, query) },
      });
      expect(found.map((section) => section.slug)).toEqual(['world']);
    }
  });
});
