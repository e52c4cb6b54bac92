import { canEditArticle, findSessionUser, SESSION_COOKIE, type SessionUser } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { parseCookie } from 'cookie';
import { articleIdOfDocument } from '../document/document-name';

export interface CollabContext {
  user: SessionUser;
  articleId: string;
}

/** Why a connection was refused; Hocuspocus sends `reason` to the client. */
export class CollabRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface AuthenticateInput {
  headers: Headers;
  documentName: string;
  /** Origins the edit page is served from; a page elsewhere must not ride the staff cookie. */
  allowedOrigins: readonly string[];
}

/**
 * Who is connecting, to which article, with what rights. The staff session cookie travels with
 * the WebSocket upgrade (same host as the newsroom); a connection without a valid one is
 * refused. Staff who may not edit the article join read-only.
 */
export async function authenticateConnection(
  db: Db,
  input: AuthenticateInput,
): Promise<CollabContext & { readOnly: boolean }> {
  const origin = input.headers.get('origin');
  if (!origin || !input.allowedOrigins.includes(origin))
    throw new CollabRefusal('origin-not-allowed');
  const articleId = articleIdOfDocument(input.documentName);
  if (!articleId) throw new CollabRefusal('unknown-document');
  const token = parseCookie(input.headers.get('cookie') ?? '')[SESSION_COOKIE];
  const user = await findSessionUser(db, token);
  if (!user) throw new CollabRefusal('no-session');
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { authorId: true, status: true },
  });
  if (!article) throw new CollabRefusal('unknown-document');
  return { user, articleId, readOnly: !canEditArticle(user, article) };
}
