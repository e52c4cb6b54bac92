import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, findSessionUser, type SessionUser } from '@newsroom/auth';
import { getShortenerRuntime, type LinkActor } from '@newsroom/links';

/** The member of staff behind this request's session cookie (same sessions as the editor), or null. */
export async function getStaffUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return findSessionUser(getShortenerRuntime().db, token);
}

/** For staff pages and actions: the user, or a redirect to the login page (coming back after). */
export async function requireStaff(returnTo: string): Promise<SessionUser> {
  const user = await getStaffUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Only paths on this site: `//evil.example` or `https://…` would make the login an open redirect. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/links';
}

/** A member of staff as the author of a link change (named as they are called at the time). */
export function staffActor(user: SessionUser): LinkActor {
  return { type: 'user', id: user.id, name: user.name || user.email };
}
