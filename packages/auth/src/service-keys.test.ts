import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { revokeApiKey, verifyApiKey } from './api-keys';
import { ensureServiceApiKey, forgetServiceApiKey } from './service-keys';

let testDb: TestDatabase;
let dir: string;
beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'newsroom-keys-'));
});
afterAll(async () => {
  await testDb.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('ensureServiceApiKey', () => {
  it('creates a working key once, stores it with mode 600 and reuses it', async () => {
    const key = await ensureServiceApiKey(testDb.db, 'editor', dir);
    const file = path.join(dir, 'editor.api-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await verifyApiKey(testDb.db, key)).not.toBeNull();
    expect(await ensureServiceApiKey(testDb.db, 'editor', dir)).toBe(key);
    expect(await testDb.db.apiKey.count({ where: { name: 'editor' } })).toBe(1);
  });

  it('replaces a key the database does not know (e.g. after a reset)', async () => {
    const file = path.join(dir, 'other.api-key');
    writeFileSync(file, 'nwsk_not-a-real-key\n');
    const key = await ensureServiceApiKey(testDb.db, 'other', dir);
    expect(key).not.toBe('nwsk_not-a-real-key');
    expect(await verifyApiKey(testDb.db, key)).not.toBeNull();
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
  });

  it('replaces a revoked key once told to forget it (revoking rotates it, no restart)', async () => {
    const key = await ensureServiceApiKey(testDb.db, 'rotated', dir);
    await revokeApiKey(testDb.db, key);
    // Until told, the process keeps the key it checked (no query per request).
    expect(await ensureServiceApiKey(testDb.db, 'rotated', dir)).toBe(key);
    forgetServiceApiKey('rotated', dir);
    const fresh = await ensureServiceApiKey(testDb.db, 'rotated', dir);
    expect(fresh).not.toBe(key);
    expect(await verifyApiKey(testDb.db, fresh)).not.toBeNull();
    expect(readFileSync(path.join(dir, 'rotated.api-key'), 'utf8').trim()).toBe(fresh);
  });

  it('refuses names that could escape the data folder', async () => {
    await expect(ensureServiceApiKey(testDb.db, '../evil', dir)).rejects.toThrow(/lower-case/);
  });
});
