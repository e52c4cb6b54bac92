import type { Db } from '@newsroom/db';
import { clientLimitKey } from '@newsroom/http';
import type { RateLimitDecision, RateLimiter, RateLimitOptions } from '@newsroom/shared-state';
import { authenticate as authenticateWithPassword } from '../users';

export type { RateLimitDecision, RateLimiter, RateLimitOptions };

/**
 * The three counters of the login guard. Every attempt consumes its points BEFORE the password
 * is checked, atomically in the shared store, so concurrent guesses cannot slip through a
 * check-then-count gap, and every process of both apps counts in the same place:
 *
 * - per client address (an IPv6 client's /64 network), any account: stops one address from
 *   spraying many accounts;
 * - per account and client address: one address's budget for one account. Small, blocks for a
 *   while, and only ever blocks that address: a real user elsewhere is not locked out by it;
 * - per account, from anywhere: caps guessing spread over many addresses (a botnet). Higher
 *   than the one above, no extra block: when it trips, the account is refused for everyone, but
 *   only until its 15-minute window ends, and only after five addresses spent their budgets.
 *
 * A successful login clears both account counters; the per-address one keeps counting.
 */
export const LOGIN_LIMITS = {
  accountAndClient: {
    name: 'login-account-client',
    points: 10,
    windowSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  account: { name: 'login-account', points: 50, windowSeconds: 15 * 60 },
  client: { name: 'login-client', points: 300, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitOptions>;

/** Attempts allowed per account from one address before that address waits. */
export const MAX_FAILED_LOGINS = LOGIN_LIMITS.accountAndClient.points;

export type LoginLimiters = { [K in keyof typeof LOGIN_LIMITS]: RateLimiter };

/** The three limiters from a rate-limiter factory (`openSharedState(...).rateLimiter`). */
export function loginLimiters(
  rateLimiter: (options: RateLimitOptions) => RateLimiter,
): LoginLimiters {
  return {
    accountAndClient: rateLimiter(LOGIN_LIMITS.accountAndClient),
    account: rateLimiter(LOGIN_LIMITS.account),
    client: rateLimiter(LOGIN_LIMITS.client),
  };
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof authenticateWithPassword>>>;

export type LoginAttempt =
  | { ok: true; user: StaffAccount }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type LoginRequest = { email: string; password: string; clientAddress: string };

export type LoginGuardOptions = {
  limiters: LoginLimiters;
  /** The password check (argon2id); a parameter so tests can count the checks made. */
  authenticate?: typeof authenticateWithPassword;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A login attempt through the guard: counted first, then, only if every counter allows it, the
 * password is checked. A throttled attempt is refused even with the right password.
 */
export function createLoginGuard({
  limiters,
  authenticate = authenticateWithPassword,
}: LoginGuardOptions) {
  return async function attemptLogin(db: Db, request: LoginRequest): Promise<LoginAttempt> {
    const email = normalizeEmail(request.email);
    // No account's email holds NUL, and PostgreSQL refuses it in the counters' keys (a 500).
    if (!email || email.includes('\0') || !request.password)
      return { ok: false, reason: 'invalid' };
    // The address is part of a key: keep it from smuggling a separator into another key. An
    // IPv6 client counts as its /64 network, whose every address it can use.
    const client = clientLimitKey(request.clientAddress).replaceAll('|', '_') || 'unknown';
    const accountAndClientKey = `${email}|${client}`;
    // In this order, stopping at the first refusal: an address that is already blocked does
    // not eat into the account's global budget, so it cannot lock the real user out with it.
    for (const [limiter, key] of [
      [limiters.client, client],
      [limiters.accountAndClient, accountAndClientKey],
      [limiters.account, email],
    ] as const) {
      const decision = await limiter.consume(key);
      if (!decision.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
    }
    const user = await authenticate(db, email, request.password);
    if (!user) return { ok: false, reason: 'invalid' };
    // Its owner is in: the counts against this account start again (a few typos before the
    // right password must not add up to a lockout over a day of logins). Attackers cannot
    // trigger this, so it never hands them a fresh budget on their own.
    await Promise.all([
      limiters.accountAndClient.reset(accountAndClientKey),
      limiters.account.reset(email),
    ]);
    return { ok: true, user };
  };
}

export type AttemptLogin = ReturnType<typeof createLoginGuard>;

/** One message for every wrong email or password: it must not tell which emails have accounts. */
export const WRONG_LOGIN_MESSAGE = 'Email or password is incorrect.';

/** The lockout message, also on a page that only gets the wait in its URL (any number). */
export function throttledLoginMessage(retryAfterSeconds: number): string {
  return `Too many login attempts. ${tryAgainIn(retryAfterSeconds)}`;
}

/** "Try again in 15 minutes." for a wait in seconds (whole minutes, 1 to a day). */
export function tryAgainIn(retryAfterSeconds: number): string {
  const minutes = Number.isFinite(retryAfterSeconds)
    ? Math.min(24 * 60, Math.max(1, Math.ceil(retryAfterSeconds / 60)))
    : 1;
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function loginRefusalMessage(attempt: Exclude<LoginAttempt, { ok: true }>): string {
  if (attempt.reason === 'throttled') return throttledLoginMessage(attempt.retryAfterSeconds);
  return WRONG_LOGIN_MESSAGE;
}
