import {
  canEditArticle,
  canSeeArticle,
  findSessionUser,
  SESSION_COOKIE,
  type SessionUser,
} from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { parseCookie } from 'cookie';
import { articleIdOfDocument, type CollabRefusalReason } from '../document/document-name';

export interface CollabContext {
  user: SessionUser;
  articleId: string;
}

/** Why a connection was refused; Hocuspocus sends `reason` to the client. */
export class CollabRefusal extends Error {
  constructor(readonly reason: CollabRefusalReason) {
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
 * refused.
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
  return { articleId, ...(await connectionRights(db, input.headers, articleId)) };
}

/**
 * What the session on a connection may do with the article now: read it where the REST API
 * would show it (a writer never learns of someone else's draft: refused as if unknown), and
 * edit it where a save would be accepted. Read again while the connection lives
 * (RIGHTS_RECHECK_MS), so a logout, a removed account or a lower role also ends what an open
 * socket may do.
 */
export async function connectionRights(
  db: Db,
  headers: Headers,
  articleId: string,
): Promise<{ user: SessionUser; readOnly: boolean }> {
  const token = parseCookie(headers.get('cookie') ?? '')[SESSION_COOKIE];
  const user = await findSessionUser(db, token);
  if (!user) throw new CollabRefusal('no-session');
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { authorId: true, status: true },
  });
  if (!article || !canSeeArticle(user, article)) throw new CollabRefusal('unknown-document');
  return { user, readOnly: !canEditArticle(user, article) };
}

/** How long an open connection's rights are trusted before they are read again. */
export const RIGHTS_RECHECK_MS = 1_000;
