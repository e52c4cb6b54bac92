import type { Db, User } from '@newsroom/db';
import { randomToken, sha256 } from './tokens';

export const SESSION_COOKIE = 'newsroom_session';
/** Sessions last a working week and are renewed while used. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role'>;

export async function createSession(db: Db, userId: string, now = new Date()) {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { id: sha256(token), userId, expiresAt } });
  return { token, expiresAt };
}

/**
 * The user behind a session cookie, or null when the token is unknown or expired. A session
 * past half its life is extended, so people who work every day are not logged out mid-article.
 */
export async function findSessionUser(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token) return null;
  const id = sha256(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    await db.session.update({
      where: { id },
      data: { expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return session.user;
}

export async function deleteSession(db: Db, token: string | undefined) {
  if (token) await db.session.deleteMany({ where: { id: sha256(token) } });
}

/** Cookie attributes for the session: not readable by scripts, not sent on cross-site requests. */
export function sessionCookieOptions(expiresAt: Date, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: '/',
    expires: expiresAt,
  };
}
