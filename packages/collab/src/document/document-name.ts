/** The collaboration server's name for an article's shared document (browser and server). */
export const articleDocumentName = (articleId: string) => `article:${articleId}`;

const DOCUMENT_NAME = /^article:([A-Za-z0-9_-]{1,64})$/;

/** The article id in a document name, or null for any other name (refused). */
export function articleIdOfDocument(name: string): string | null {
  return DOCUMENT_NAME.exec(name)?.[1] ?? null;
}

/**
 * Why the collaboration server refuses or ends a connection (its `reason`, which the browser
 * receives): no valid session (also when it ends later, e.g. a log out in another tab), a page
 * served elsewhere, an article this person may not see.
 */
export const COLLAB_REFUSALS = ['no-session', 'origin-not-allowed', 'unknown-document'] as const;
export type CollabRefusalReason = (typeof COLLAB_REFUSALS)[number];

export function isCollabRefusal(reason: string): reason is CollabRefusalReason {
  return (COLLAB_REFUSALS as readonly string[]).includes(reason);
}

/**
 * Not a refusal: the server could not check the connection's rights (its database is away).
 * The page keeps its edits, shows itself offline and asks again shortly.
 */
export const COLLAB_UNAVAILABLE = 'unavailable';

/** Stateless messages between the collaboration server and the edit page (JSON strings). */
export type CollabMessage =
  /** The working copy now holds the shared document up to here (version for Publish / Update). */
  | { type: 'saved'; version: number; hasUnpublishedChanges: boolean }
  /** The shared document is kept, but the working copy was not written: why. */
  | { type: 'invalid'; errors: { path: string; message: string }[] }
  /** Sent by the edit page after a restore or discard: take the working copy into the document. */
  | { type: 'reload' };

export function parseCollabMessage(payload: string): CollabMessage | null {
  try {
    const message = JSON.parse(payload) as Partial<CollabMessage>;
    return typeof message === 'object' && message && typeof message.type === 'string'
      ? (message as CollabMessage)
      : null;
  } catch {
    return null;
  }
}
