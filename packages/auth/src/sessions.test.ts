import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createApiKey, verifyApiKey, bearerToken } from './api-keys';
import { SESSION_TTL_MS, createSession, deleteSession, findSessionUser } from './sessions';
import { authenticate, createUser } from './users';
import { sha256 } from './tokens';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('users and sessions', () => {
  it('logs in with the right password only, case-insensitive email', async () => {
    await createUser(testDb.db, {
      email: 'Writer@Example.com',
      name: 'Wendy Writer',
      role: 'writer',
      password: 'a long enough password',
    });
    expect(
      await authenticate(testDb.db, 'writer@example.com', 'a long enough password'),
    ).toMatchObject({
      email: 'writer@example.com',
      role: 'writer',
    });
    expect(await authenticate(testDb.db, 'writer@example.com', 'wrong password!!')).toBeNull();
    expect(
      await authenticate(testDb.db, 'nobody@example.com', 'a long enough password'),
    ).toBeNull();
  });

  it('refuses a weak password or unknown role with a readable message', async () => {
    await expect(
      createUser(testDb.db, {
        email: 'x@example.com',
        name: 'X',
        role: 'writer',
        password: 'short',
      }),
    ).rejects.toThrow(/at least 12 characters \(this one has 5\)/);
    await expect(
      createUser(testDb.db, {
        email: 'z@example.com',
        name: 'Z',
        role: 'writer',
        password: 'password1234',
      }),
    ).rejects.toThrow(/commonly used passwords/);
    await expect(
      createUser(testDb.db, {
        email: 'y@example.com',
        name: 'Y',
        role: 'owner' as 'writer',
        password: 'long enough pass',
      }),
    ).rejects.toThrow(/Role must be one of/);
  });

  it('stores only a hash of the session token, expires and deletes sessions', async () => {
    const user = await createUser(testDb.db, {
      email: 'editor@example.com',
      name: 'Ed',
      role: 'editor',
      password: 'another long password',
    });
    const now = new Date('2026-01-01T00:00:00Z');
    const { token } = await createSession(testDb.db, user.id, now);
    expect(await testDb.db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await testDb.db.session.findUnique({ where: { id: sha256(token) } })).not.toBeNull();

    expect((await findSessionUser(testDb.db, token, now))?.id).toBe(user.id);
    const later = new Date(now.getTime() + SESSION_TTL_MS + 1);
    expect(await findSessionUser(testDb.db, token, later)).toBeNull();

    const second = await createSession(testDb.db, user.id, now);
    await deleteSession(testDb.db, second.token);
    expect(await findSessionUser(testDb.db, second.token, now)).toBeNull();
    expect(await findSessionUser(testDb.db, 'forged-token', now)).toBeNull();
  });
});

describe('API keys', () => {
  it('verifies a created key, refuses unknown and revoked ones', async () => {
    const { key, record } = await createApiKey(testDb.db, 'editor app');
    expect(record.keyHash).not.toContain(key);
    expect((await verifyApiKey(testDb.db, key))?.id).toBe(record.id);
    expect(await verifyApiKey(testDb.db, key + 'x')).toBeNull();
    expect(await verifyApiKey(testDb.db, undefined)).toBeNull();
    await testDb.db.apiKey.update({ where: { id: record.id }, data: { revokedAt: new Date() } });
    expect(await verifyApiKey(testDb.db, key)).toBeNull();
  });

  it('reads a bearer token from the Authorization header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});
