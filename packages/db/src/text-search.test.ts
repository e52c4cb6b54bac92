// Runs on SQLite, and on PostgreSQL under `npm run test:postgres` (TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';
import { isPostgres } from './provider';
import { providerOfDb } from './db-provider';
import { pageContainingText } from './text-search';

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

async function search(text: string, page = { skip: 0, take: 100 }, where: object = {}) {
  const { rows, total } = await pageContainingText({
    db: testDb.db,
    columns: ['url', 'code'],
    text,
    where,
    ...page,
    findMany: (args) => testDb.db.shortLink.findMany({ ...args, orderBy: { url: 'asc' } }),
    count: (where) => testDb.db.shortLink.count({ where }),
  });
  return { urls: rows.map((row) => row.url), total };
}

describe('pageContainingText', () => {
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

  it('finds nothing for text with a NUL character (not every row, not an error)', async () => {
    for (const text of ['\0', '\0zzzz', 'plain\0', 'ALL\0-CAPS'])
      expect(await search(text), JSON.stringify(text)).toEqual({ urls: [], total: 0 });
  });

  it('keeps pages and counts right for a search with a wildcard character', async () => {
    expect(await search('X_', { skip: 1, take: 1 })).toEqual({
      urls: ['https://example.org/x_2'],
      total: 3,
    });
  });
  it('keeps the other conditions of the query', async () => {
    expect((await search('_', undefined, { NOT: { code: 'link5' } })).urls).toEqual([
      'https://example.org/under_score',
      'https://example.org/x_2',
      'https://example.org/x_3',
    ]);
  });

  it('pages through more matches than one query may list by key', async () => {
    await testDb.db.shortLink.createMany({
      data: Array.from({ length: 1200 }, (_, index) => ({
        code: `many${index}`,
        codeKey: `many${index}`,
        url: `https://many.example/m_${String(index).padStart(4, '0')}`,
      })),
    });
    expect(await search('m_11', { skip: 99, take: 2 })).toEqual({
      urls: ['https://many.example/m_1199'],
      total: 100,
    });
    expect((await search('y.example/m_', { skip: 1100, take: 200 })).total).toBe(1200);
  });
});
