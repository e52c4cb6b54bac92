import { findSessionUser, SESSION_COOKIE, type Role, type SessionUser } from '@newsroom/auth';
import { getDb } from '@newsroom/db';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { loginPath, REQUEST_PATH_HEADER } from './paths';

const RANK: Record<Role, number> = { writer: 1, editor: 2, admin: 3 };

/** True when `user` has `role` or a higher one (admin > editor > writer). */
export function hasRole(user: Pick<SessionUser, 'role'>, role: Role = 'writer'): boolean {
  return (RANK[user.role as Role] ?? 0) >= RANK[role];
}

/** The logged-in member of staff, or null. */
export async function currentStaff(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(getDb(), token);
}

/**
 * For newsroom pages and server actions: the logged-in user, or a redirect to the login page
 * (back to this page afterwards). A user without `role` is sent to the forbidden page.
 */
export async function requireStaff(role?: Role): Promise<SessionUser> {
  const user = await currentStaff();
  if (!user) redirect(loginPath((await headers()).get(REQUEST_PATH_HEADER)));
  if (!hasRole(user, role)) redirect(`/newsroom/forbidden?role=${role}`);
  return user;
}

/** Whether the browser reached us over https (directly or through a proxy). */
export function isHttps(requestHeaders: Headers, url?: string): boolean {
  const forwarded = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded) return forwarded === 'https';
  return url ? url.startsWith('https:') : false;
}

/** This site's origin as the browser addressed it (Host header), for CSRF checks. */
export function requestOrigin(requestHeaders: Headers, url?: string): string | null {
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host');
  if (!host) return url ? new URL(url).origin : null;
  return `${isHttps(requestHeaders, url) ? 'https' : 'http'}://${host}`;
}
