// Runs on SQLite, and on PostgreSQL under `npm run test:postgres` (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';
import { isPostgres } from './provider';
import { providerOfDb } from './db-provider';
import { containsTextIgnoringCase, type TextSearchTarget } from './text-search';

const LINKS: TextSearchTarget = { table: 'ShortLink', key: 'id', columns: ['url', 'code'] };
const URLS = [
  'https://example.org/plain',
  'https://example.org/under_score',
  'https://example.org/100%25-sure',
  'https://example.org/back\\slash',
  'https://example.org/ALL-CAPS',
  'https://example.org/x_1',
  'https://example.org/x_2',
  'https://example.org/x_3',
];

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.db.shortLink.createMany({
    data: URLS.map((url, index) => ({ code: `link${index}`, codeKey: `link${index}`, url })),
  });
});
afterAll(() => testDb.cleanup());

async function search(text: string, page = { skip: 0, take: 100 }) {
  const where = await containsTextIgnoringCase(testDb.db, LINKS, text);
  const [rows, total] = await Promise.all([
    testDb.db.shortLink.findMany({ where, orderBy: { url: 'asc' }, ...page }),
    testDb.db.shortLink.count({ where }),
  ]);
  return { urls: rows.map((row) => row.url), total };
}

describe('containsTextIgnoringCase', () => {
  it('knows which database the client talks to', () => {
    expect(providerOfDb(testDb.db)).toBe(isPostgres(testDb.url) ? 'postgresql' : 'sqlite');
  });

  it('finds text whatever its case, in any of the columns', async () => {
    for (const text of ['all-caps', 'ALL-CAPS', 'aLl-CaPs'])
      expect((await search(text)).urls).toEqual(['https://example.org/ALL-CAPS']);
    expect((await search('LINK0')).urls).toEqual(['https://example.org/plain']);
  });

  it('takes %, _ and \\ literally', async () => {
    expect(await search('%')).toEqual({ urls: ['https://example.org/100%25-sure'], total: 1 });
    expect(await search('_')).toEqual({
      urls: [
        'https://example.org/under_score',
        'https://example.org/x_1',
        'https://example.org/x_2',
        'https://example.org/x_3',
      ],
      total: 4,
    });
    expect((await search('\\')).urls).toEqual(['https://example.org/back\\slash']);
    expect((await search('back\\slash')).urls).toEqual(['https://example.org/back\\slash']);
    expect((await search('p_ain')).urls).toEqual([]);
    expect((await search('pl%n')).urls).toEqual([]);
    expect((await search('\\_')).urls).toEqual([]);
    expect((await search('\\%')).urls).toEqual([]);
    expect((await search('UNDER_s')).urls).toEqual(['https://example.org/under_score']);
  });

  it('keeps pages and counts right for a search with a wildcard character', async () => {
    expect(await search('X_', { skip: 1, take: 1 })).toEqual({
      urls: ['https://example.org/x_2'],
      total: 3,
    });
  });
});
