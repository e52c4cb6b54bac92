import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createLoginGuard, loginRefusalMessage, MAX_FAILED_LOGINS } from './login';
import { FixedWindowLimiter } from './rate-limit/fixed-window-limiter';
import { createUser } from './users';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await createUser(testDb.db, {
    email: 'guarded@example.com',
    name: 'Guarded',
    role: 'editor',
    password: 'the right password',
  });
});
afterAll(() => testDb.cleanup());

describe('login guard', () => {
  it('refuses even the right password after too many failures for that email, then lets it in again', async () => {
    let now = 0;
    const attemptLogin = createLoginGuard(
      new FixedWindowLimiter(MAX_FAILED_LOGINS, 60_000, () => now),
    );
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect(await attemptLogin(testDb.db, 'Guarded@example.com', `guess ${i}`)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const refused = await attemptLogin(testDb.db, 'guarded@example.com', 'the right password');
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    if (refused.ok) throw new Error('unreachable');
    expect(loginRefusalMessage(refused)).toMatch(/Too many failed attempts/);

    now += 60_000;
    expect(
      await attemptLogin(testDb.db, 'guarded@example.com', 'the right password'),
    ).toMatchObject({
      ok: true,
      user: { email: 'guarded@example.com' },
    });
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    const attemptLogin = createLoginGuard();
    const unknown = await attemptLogin(testDb.db, 'nobody@example.com', 'whatever password');
    const wrong = await attemptLogin(testDb.db, 'guarded@example.com', 'wrong password!');
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    if (unknown.ok) throw new Error('unreachable');
    expect(loginRefusalMessage(unknown)).toBe('Email or password is incorrect.');
  });
});
