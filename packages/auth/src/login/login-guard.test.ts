import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { openSharedState, type SharedState } from '@newsroom/shared-state';
import { authenticate, createUser } from '../users';
import {
  createLoginGuard,
  LOGIN_LIMITS,
  loginLimiters,
  loginRefusalMessage,
  MAX_FAILED_LOGINS,
} from './login-guard';

const RIGHT_PASSWORD = 'the right password, long';

let testDb: TestDatabase;
const opened: SharedState[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(opened.map((state) => state.close()));
  await testDb.cleanup();
});

// The database store always; Redis too under `npm run test:postgres` (TEST_REDIS_URL).
const stores = [
  { name: 'database', redisUrl: undefined as string | undefined },
  ...(process.env.TEST_REDIS_URL ? [{ name: 'redis', redisUrl: process.env.TEST_REDIS_URL }] : []),
];

/** A guard as one process of one app has it: its own shared-state connection. */
function processGuard(redisUrl: string | undefined) {
  const state = openSharedState({ db: testDb.db, databaseUrl: testDb.url, redisUrl });
  opened.push(state);
  let checks = 0;
  const attemptLogin = createLoginGuard({
    limiters: loginLimiters((options) => state.rateLimiter(options)),
    authenticate: async (...args) => {
      checks++;
      return authenticate(...args);
    },
  });
  return { attemptLogin, checks: () => checks };
}

let accounts = 0;
async function newAccount() {
  const email = `guarded-${++accounts}-${Date.now()}@example.com`;
  await createUser(testDb.db, { email, name: 'Guarded', role: 'editor', password: RIGHT_PASSWORD });
  return email;
}

describe.each(stores)('login guard ($name store)', ({ redisUrl }) => {
  it('checks at most the limit of 100 concurrent wrong guesses, then refuses the right password', async () => {
    const email = await newAccount();
    const guard = processGuard(redisUrl);
    const attacker = '203.0.113.7';
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        guard.attemptLogin(testDb.db, { email, password: `guess ${i}`, clientAddress: attacker }),
      ),
    );
    expect(guard.checks()).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(
      guard.checks(),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(
      100 - guard.checks(),
    );

    const checksBefore = guard.checks();
    const refused = await guard.attemptLogin(testDb.db, {
      email: email.toUpperCase(),
      password: RIGHT_PASSWORD,
      clientAddress: attacker,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect(guard.checks()).toBe(checksBefore);
    if (refused.ok || refused.reason !== 'throttled') throw new Error('expected throttled');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(loginRefusalMessage(refused)).toMatch(
      /Too many login attempts. Try again in \d+ minute/,
    );

    // The real user, from their own address, is not locked out by the attacker.
    const owner = await guard.attemptLogin(testDb.db, {
      email,
      password: RIGHT_PASSWORD,
      clientAddress: '198.51.100.20',
    });
    expect(owner).toMatchObject({ ok: true, user: { email } });
  });

  it('refuses an email holding NUL as a wrong one, with nothing counted or checked', async () => {
    // PostgreSQL refused the NUL in the counters' keys: the login page answered a 500.
    const email = await newAccount();
    const guard = processGuard(redisUrl);
    const attempt = await guard.attemptLogin(testDb.db, {
      email: `${email}\u0000`,
      password: RIGHT_PASSWORD,
      clientAddress: '203.0.113.9',
    });
    expect(attempt).toEqual({ ok: false, reason: 'invalid' });
    expect(guard.checks()).toBe(0);
  });

  it('counts across processes and apps: a second guard on the same store refuses too', async () => {
    const email = await newAccount();
    const editorProcess = processGuard(redisUrl);
    const shortenerProcess = processGuard(redisUrl);
    const client = '203.0.113.8';
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await editorProcess.attemptLogin(testDb.db, {
        email,
        password: `x${i}`,
        clientAddress: client,
      });
    const refused = await shortenerProcess.attemptLogin(testDb.db, {
      email,
      password: RIGHT_PASSWORD,
      clientAddress: client,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    expect(shortenerProcess.checks()).toBe(0);
  });

  it('counts an IPv6 client by its /64 network: a new address in it is no new budget', async () => {
    const email = await newAccount();
    const guard = processGuard(redisUrl);
    for (let i = 1; i <= MAX_FAILED_LOGINS; i++)
      await guard.attemptLogin(testDb.db, {
        email,
        password: `v6 guess ${i}`,
        clientAddress: `2001:db8:7:7::${i.toString(16)}`,
      });
    const sameNetwork = await guard.attemptLogin(testDb.db, {
      email,
      password: 'one more guess',
      clientAddress: '2001:db8:7:7:ffff::1',
    });
    expect(sameNetwork).toMatchObject({ ok: false, reason: 'throttled' });
    expect(guard.checks()).toBe(MAX_FAILED_LOGINS);
    // The owner in another network still gets in.
    const owner = await guard.attemptLogin(testDb.db, {
      email,
      password: RIGHT_PASSWORD,
      clientAddress: '2001:db8:7:8::1',
    });
    expect(owner).toMatchObject({ ok: true });
  });

  it('caps guessing spread over many addresses at the per-account limit', async () => {
    const email = await newAccount();
    const guard = processGuard(redisUrl);
    const perAddress = LOGIN_LIMITS.accountAndClient.points;
    const addresses = Math.ceil(LOGIN_LIMITS.account.points / perAddress) + 1;
    for (let a = 0; a < addresses; a++)
      await Promise.all(
        Array.from({ length: perAddress }, (_, i) =>
          guard.attemptLogin(testDb.db, {
            email,
            password: `botnet ${a}-${i}`,
            clientAddress: `192.0.2.${a + 1}`,
          }),
        ),
      );
    expect(guard.checks()).toBe(LOGIN_LIMITS.account.points);
  });

  it('lets the right password in, clears the account’s counts, and never says which emails exist', async () => {
    const email = await newAccount();
    const guard = processGuard(redisUrl);
    const client = '203.0.113.9';
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++)
      await guard.attemptLogin(testDb.db, { email, password: `typo ${i}`, clientAddress: client });
    expect(
      await guard.attemptLogin(testDb.db, {
        email,
        password: RIGHT_PASSWORD,
        clientAddress: client,
      }),
    ).toMatchObject({ ok: true });
    // Cleared: another round of typos is allowed again.
    expect(
      await guard.attemptLogin(testDb.db, { email, password: 'typo again', clientAddress: client }),
    ).toEqual({ ok: false, reason: 'invalid' });

    const unknown = await guard.attemptLogin(testDb.db, {
      email: 'nobody@example.com',
      password: 'whatever password',
      clientAddress: client,
    });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    if (unknown.ok) throw new Error('expected a refusal');
    expect(loginRefusalMessage(unknown)).toBe('Email or password is incorrect.');
  });
});
