import { getDb } from '@newsroom/db';
import { clientAddressFromHeaders } from '@newsroom/http';
import { processSharedState } from '@newsroom/shared-state';
import { cookies, headers } from 'next/headers';
import {
  createLoginGuard,
  loginLimiters,
  loginRefusalMessage,
  type AttemptLogin,
  type LoginAttempt,
} from '../login/login-guard';
import { isHttps } from '../origin/request-origin';
import { SESSION_COOKIE, createSession, deleteSession, sessionCookieOptions } from '../sessions';

const GUARD_KEY = Symbol.for('newsroom.auth.loginGuard');
type GlobalWithGuard = typeof globalThis & { [GUARD_KEY]?: AttemptLogin };

/** The login guard of this process, counting in the store every process and both apps share. */
export function processLoginGuard(): AttemptLogin {
  const global = globalThis as GlobalWithGuard;
  global[GUARD_KEY] ??= createLoginGuard({
    limiters: loginLimiters((options) => processSharedState().rateLimiter(options)),
  });
  return global[GUARD_KEY];
}

export type LoginRefusal = {
  reason: Exclude<LoginAttempt, { ok: true }>['reason'];
  message: string;
  email: string;
  /** How long a throttled login must wait (0 for any other refusal). */
  retryAfterSeconds: number;
};

/**
 * The body of both apps' login server action: through the guard (counted per account, per
 * account and address, per address, before the password is checked), then a session cookie.
 * Returns the refusal, or null once logged in (the caller redirects to its safe return path).
 */
export async function logInWithForm(form: FormData): Promise<LoginRefusal | null> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const requestHeaders = await headers();
  const db = getDb();
  const attempt = await processLoginGuard()(db, {
    email,
    password,
    clientAddress: clientAddressFromHeaders(requestHeaders),
  });
  if (!attempt.ok)
    return {
      reason: attempt.reason,
      message: loginRefusalMessage(attempt),
      email,
      retryAfterSeconds: attempt.reason === 'throttled' ? attempt.retryAfterSeconds : 0,
    };
  const { token, expiresAt } = await createSession(db, attempt.user.id);
  (await cookies()).set(
    SESSION_COOKIE,
    token,
    sessionCookieOptions(expiresAt, isHttps(requestHeaders)),
  );
  return null;
}

/** Ends this browser's session (in the database, not only the cookie). */
export async function logOutSession(): Promise<void> {
  const jar = await cookies();
  await deleteSession(getDb(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
}
