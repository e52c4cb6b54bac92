import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import {
  API_KEY_LAST_USED_PRECISION_MS,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
} from './api-keys';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('revoking API keys', () => {
  it('revokes by prefix, then refuses the key; a second revocation changes nothing', async () => {
    const { key, record } = await createApiKey(testDb.db, 'old script');
    const first = new Date('2026-11-01T10:00:00Z');
    const result = await revokeApiKey(testDb.db, record.prefix, first);
    expect(result).toMatchObject({ outcome: 'revoked', key: { id: record.id, revokedAt: first } });
    expect(await verifyApiKey(testDb.db, key)).toBeNull();

    const again = await revokeApiKey(testDb.db, record.prefix, new Date('2026-11-02T10:00:00Z'));
    expect(again).toMatchObject({ outcome: 'already_revoked', key: { revokedAt: first } });
  });

  it('revokes by id or by the whole key, and only that key', async () => {
    const one = await createApiKey(testDb.db, 'one');
    const two = await createApiKey(testDb.db, 'two');
    const three = await createApiKey(testDb.db, 'three');
    expect((await revokeApiKey(testDb.db, ` ${one.record.id} `)).outcome).toBe('revoked');
    expect((await revokeApiKey(testDb.db, two.key)).outcome).toBe('revoked');
    expect(await verifyApiKey(testDb.db, one.key)).toBeNull();
    expect(await verifyApiKey(testDb.db, two.key)).toBeNull();
    expect((await verifyApiKey(testDb.db, three.key))?.id).toBe(three.record.id);
  });

  it('says when nothing matches, and revokes none of several keys sharing a prefix', async () => {
    expect(await revokeApiKey(testDb.db, 'nwsk_nope')).toEqual({ outcome: 'not_found' });
    expect(await revokeApiKey(testDb.db, '   ')).toEqual({ outcome: 'not_found' });
    const a = await createApiKey(testDb.db, 'twin a');
    const b = await createApiKey(testDb.db, 'twin b');
    await testDb.db.apiKey.update({
      where: { id: b.record.id },
      data: { prefix: a.record.prefix },
    });
    const result = await revokeApiKey(testDb.db, a.record.prefix);
    expect(result.outcome).toBe('ambiguous');
    expect(await verifyApiKey(testDb.db, a.key)).not.toBeNull();
    expect(await verifyApiKey(testDb.db, b.key)).not.toBeNull();
  });

  it('lists every key with when it was last used, never the key or its hash', async () => {
    const { key, record } = await createApiKey(testDb.db, 'listed');
    const used = new Date('2026-11-03T09:00:00Z');
    await verifyApiKey(testDb.db, key, used);
    // Within the precision, a second use writes nothing.
    await verifyApiKey(
      testDb.db,
      key,
      new Date(used.getTime() + API_KEY_LAST_USED_PRECISION_MS - 1),
    );
    const listed = (await listApiKeys(testDb.db)).find((item) => item.id === record.id);
    expect(listed).toEqual({
      id: record.id,
      name: 'listed',
      prefix: record.prefix,
      scope: 'write',
      createdAt: record.createdAt,
      lastUsedAt: used,
      revokedAt: null,
    });
    const later = new Date(used.getTime() + API_KEY_LAST_USED_PRECISION_MS + 1);
    await verifyApiKey(testDb.db, key, later);
    expect(
      (await listApiKeys(testDb.db)).find((item) => item.id === record.id)?.lastUsedAt,
    ).toEqual(later);
  });
});

describe('API key scopes', () => {
  it('makes keys that can write unless asked for a read-only one, and lists the scope', async () => {
    const writer = await createApiKey(testDb.db, 'editor app');
    const reader = await createApiKey(testDb.db, 'dashboard', { scope: 'read' });
    expect(writer.record.scope).toBe('write');
    expect(reader.record.scope).toBe('read');
    // The scope travels with the verified key: the API decides on it.
    expect((await verifyApiKey(testDb.db, reader.key))?.scope).toBe('read');
    expect((await verifyApiKey(testDb.db, writer.key))?.scope).toBe('write');
    const listed = await listApiKeys(testDb.db);
    expect(listed.find((item) => item.id === reader.record.id)?.scope).toBe('read');
    expect(listed.find((item) => item.id === writer.record.id)?.scope).toBe('write');
  });

  it('refuses an unknown scope and makes no key', async () => {
    const before = await testDb.db.apiKey.count();
    await expect(createApiKey(testDb.db, 'typo', { scope: 'readonly' as 'read' })).rejects.toThrow(
      /Unknown API key scope "readonly"/,
    );
    expect(await testDb.db.apiKey.count()).toBe(before);
  });

  it('gives keys stored before scopes existed the write scope (the migration default)', async () => {
    // A row inserted without the column, as the rows were before the migration added it.
    await testDb.db.$executeRawUnsafe(
      `INSERT INTO "ApiKey" ("id", "name", "prefix", "keyHash") VALUES ('old-row', 'legacy', 'nwsk_legacy', 'hash-of-legacy')`,
    );
    const legacy = await testDb.db.apiKey.findUniqueOrThrow({ where: { id: 'old-row' } });
    expect(legacy.scope).toBe('write');
  });
});
