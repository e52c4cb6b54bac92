'use server';
import {
  attemptLogin,
  createSession,
  deleteSession,
  isSameOrigin,
  SESSION_COOKIE,
  sessionCookieOptions,
} from '@newsroom/auth';
import { getDb } from '@newsroom/db';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOGIN_PATH, safeNextPath } from './paths';
import { isHttps, requestOrigin } from './staff';

/** Next checks the Origin of server actions too; this keeps the rule explicit and ours. */
async function assertSameOrigin() {
  const requestHeaders = await headers();
  const origin = requestOrigin(requestHeaders);
  if (!origin || !isSameOrigin(requestHeaders, origin))
    throw new Error('Cross-site request refused');
}

export async function logIn(formData: FormData) {
  await assertSameOrigin();
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  const next = safeNextPath(String(formData.get('next') ?? ''));
  const db = getDb();
  const attempt = await attemptLogin(db, email, password);
  if (!attempt.ok) {
    // 'invalid' is one message for every failure: it must not tell which emails have accounts.
    const params = new URLSearchParams({ error: attempt.reason, next });
    redirect(`${LOGIN_PATH}?${params}`);
  }
  const { token, expiresAt } = await createSession(db, attempt.user.id);
  const requestHeaders = await headers();
  (await cookies()).set(
    SESSION_COOKIE,
    token,
    sessionCookieOptions(expiresAt, isHttps(requestHeaders)),
  );
  redirect(next);
}

export async function logOut() {
  await assertSameOrigin();
  const jar = await cookies();
  await deleteSession(getDb(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect(`${LOGIN_PATH}?loggedOut=1`);
}
