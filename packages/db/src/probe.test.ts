import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { probeDatabase } from './probe';
import { createTestDatabase, type TestDatabase } from './testing';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.cleanup());

describe('probeDatabase', () => {
  it('passes on a reachable, migrated database', async () => {
    await expect(probeDatabase(testDb.db)).resolves.toBeUndefined();
  });

  it('fails when the database behind the client cannot be read', async () => {
    // A folder where the SQLite file should be: the file cannot be opened at all.
    const folder = mkdtempSync(path.join(tmpdir(), 'newsroom-probe-'));
    const db = createDb(`file:${folder}`);
    try {
      await expect(probeDatabase(db)).rejects.toThrow();
    } finally {
      await db.$disconnect();
    }
  });
});
