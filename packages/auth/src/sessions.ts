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

/** Where sessions are kept: the client, or a transaction that also changes the user. */
type SessionStore = Pick<Db, 'session'>;

/**
 * The user behind a session cookie, or null when the token is unknown or expired, or the user
 * has been deactivated (deactivation deletes their sessions; this also covers a session made by
 * a login that raced it). A session past half its life is extended, so people who work every
 * day are not logged out mid-article.
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
    include: {
      user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } },
    },
  });
  if (!session) return null;
  if (session.expiresAt <= now || session.user.deactivatedAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    await db.session.update({
      where: { id },
      data: { expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  const { deactivatedAt: _active, ...user } = session.user;
  return user;
}

export async function deleteSession(db: Db, token: string | undefined) {
  if (token) await db.session.deleteMany({ where: { id: sha256(token) } });
}

/**
 * Ends every session of a user ("log out everywhere", deactivation, a new password), except the
 * one with token `keep` when given (the browser that changed the password stays logged in).
 * Every app and the co-editing server look sessions up in the database, so each of those
 * browsers is logged out on its next request. Returns how many sessions ended.
 */
export async function endAllSessions(
  db: SessionStore,
  userId: string,
  keep?: string,
): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keep && { id: { not: sha256(keep) } }) },
  });
  return count;
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
