import type { Db } from '@newsroom/db';
import { FixedWindowLimiter } from './rate-limit/fixed-window-limiter';
import { authenticate } from './users';

/** After this many wrong passwords for one email, that email waits out the window. */
export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginAttempt =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof authenticate>>> }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Password guessing is slowed per email (argon2 already makes each guess slow): after
 * MAX_FAILED_LOGINS failures even the right password is refused until the window ends. Counted
 * per process, like every rate limit here; several instances each allow that many.
 */
export function createLoginGuard(
  failures = new FixedWindowLimiter(MAX_FAILED_LOGINS, FAILED_LOGIN_WINDOW_MS),
) {
  return async function attemptLogin(
    db: Db,
    email: string,
    password: string,
  ): Promise<LoginAttempt> {
    const key = email.trim().toLowerCase();
    const allowed = failures.check(key);
    if (!allowed.allowed)
      return { ok: false, reason: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };
    const user = key && password ? await authenticate(db, key, password) : null;
    if (user) return { ok: true, user };
    failures.hit(key);
    return { ok: false, reason: 'invalid' };
  };
}

/** The process-wide guard the login pages use. */
export const attemptLogin = createLoginGuard();

export function loginRefusalMessage(attempt: Exclude<LoginAttempt, { ok: true }>): string {
  if (attempt.reason === 'throttled') {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    return `Too many failed attempts for this email. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  // One message for every wrong email or password: it must not tell which emails have accounts.
  return 'Email or password is incorrect.';
}
