import { Database } from '@hocuspocus/extension-database';
import { Server, type Connection, type Extension } from '@hocuspocus/server';
import { ARTICLE_BODY_LIMIT_BYTES } from '@newsroom/article';
import type { Db } from '@newsroom/db';
import {
  articleIdOfDocument,
  parseCollabMessage,
  type CollabMessage,
} from '../document/document-name';
import {
  authenticateConnection,
  CollabRefusal,
  connectionRights,
  RIGHTS_RECHECK_MS,
  type CollabContext,
} from './authenticate';
import { collabUserOf } from '../people/collab-user';
import { withReason } from './close-reason';
import { createPersistence } from './persistence';

export interface CollabServerOptions {
  db: Db;
  /** Origins the edit page is served from (e.g. EDITOR_URL); others are refused. */
  allowedOrigins: readonly string[];
  /** Quiet time before a changed document is stored and its working copy written. */
  storeDebounceMs?: number;
  /** Longest a document changing without pause waits to be stored. */
  storeMaxDebounceMs?: number;
  /** More Hocuspocus extensions (Redis, when several instances run). */
  extensions?: Extension[];
  /** How long an open connection's session and role are trusted (tests: 0, every message). */
  rightsRecheckMs?: number;
  /** How often every open connection's rights are read, whether it sends anything or not. */
  rightsSweepMs?: number;
}

/**
 * Every open connection's rights are read this often, also for a connection that only listens:
 * a deactivated, logged-out or demoted person stops receiving the article within this time.
 */
export const RIGHTS_SWEEP_MS = 5_000;

/** The WebSocket close code Hocuspocus itself uses for "Forbidden". */
const FORBIDDEN_CLOSE_CODE = 4403;

/** Stored at most this long after the last keystroke: also how stale "Update" can be. */
export const STORE_DEBOUNCE_MS = 1_000;
export const STORE_MAX_DEBOUNCE_MS = 5_000;

/**
 * Largest message a connection may send: twice the largest REST save (a pasted article arrives
 * as one update, with Yjs' own bookkeeping beside the text). Past it the socket is closed (1009)
 * before the message is read into the document: without a bound, 10 MB sent into a headline
 * were kept, stored and sent to everyone who opened the article.
 */
export const COLLAB_MAX_MESSAGE_BYTES = 2 * ARTICLE_BODY_LIMIT_BYTES;

/**
 * Largest awareness state (a caret and a name: ~200 characters) passed on to the others; a
 * bigger one keeps only the name the server gives it. Anyone who may open an article, readers
 * included, writes their own state, which goes to everyone else in it.
 */
export const MAX_AWARENESS_STATE_CHARS = 4_096;

/**
 * The collaboration server: Hocuspocus over WebSockets, one shared document per article.
 * Connections are authenticated with the staff session; documents are kept as bytes in the
 * database and every store writes the JSON working copy through editorial's one write path.
 */
export function createCollabServer(options: CollabServerOptions) {
  const persistence = createPersistence(options.db);
  const rightsRecheckMs = options.rightsRecheckMs ?? RIGHTS_RECHECK_MS;
  /** When each open connection's rights were last read (see connectionRights). */
  const rightsCheckedAt = new WeakMap<object, number>();
  const announce = (
    document: { broadcastStateless(payload: string): void },
    message: CollabMessage | null,
  ) => {
    if (message) document.broadcastStateless(JSON.stringify(message));
  };

  let sweepTimer: ReturnType<typeof setInterval> | undefined;

  return new Server<CollabContext>({
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDebounceMs ?? STORE_DEBOUNCE_MS,
    maxDebounce: options.storeMaxDebounceMs ?? STORE_MAX_DEBOUNCE_MS,
    websocketOptions: { maxPayload: COLLAB_MAX_MESSAGE_BYTES },
    async onAuthenticate({ requestHeaders, documentName, connectionConfig }) {
      try {
        const { readOnly, ...context } = await authenticateConnection(options.db, {
          headers: requestHeaders,
          documentName,
          allowedOrigins: options.allowedOrigins,
        });
        connectionConfig.readOnly = readOnly;
        return context;
      } catch (error) {
        throw withReason(error);
      }
    },
    async onListen({ instance }) {
      sweepTimer = setInterval(
        () => void sweepRights(options.db, instance.documents.values()),
        options.rightsSweepMs ?? RIGHTS_SWEEP_MS,
      );
    },
    async onDestroy() {
      clearInterval(sweepTimer);
    },
    // Before the edits of an open connection are taken in: its session still valid, its role
    // still allowing them (a logout or a lower role ends them within RIGHTS_RECHECK_MS).
    async beforeHandleMessage({ connection, context, documentName, requestHeaders }) {
      const now = Date.now();
      const checkedAt = rightsCheckedAt.get(connection);
      if (checkedAt !== undefined && now - checkedAt < rightsRecheckMs) return;
      const articleId = articleIdOfDocument(documentName);
      if (!articleId) return;
      try {
        const { user, readOnly } = await connectionRights(options.db, requestHeaders, articleId);
        connection.readOnly = readOnly;
        // The stores write on behalf of the person whose edit they carry, with today's role.
        context.user = user;
        rightsCheckedAt.set(connection, now);
      } catch (error) {
        // Hocuspocus closes the connection with `reason`, before the message is applied.
        throw withReason(error);
      }
    },
    // A caret's name and colour are the session's, whatever the browser announced: anyone on
    // the socket writes their own awareness state, and could otherwise appear as someone else,
    // or (announcing a caret and no name) as nobody in particular.
    async beforeHandleAwareness({ states, context }) {
      if (!context) return;
      for (const state of states.values()) {
        // null: the client left (its caret goes); nothing to name.
        if (!state || typeof state !== 'object') continue;
        if (JSON.stringify(state).length > MAX_AWARENESS_STATE_CHARS) {
          for (const field of Object.keys(state)) delete state[field];
        }
        state.user = collabUserOf(context.user);
      }
    },
    async onStateless({ connection, documentName, document, payload }) {
      const message = parseCollabMessage(payload);
      const articleId = articleIdOfDocument(documentName);
      if (message?.type !== 'reload' || connection.readOnly || !articleId) return;
      announce(document, await persistence.takeWorkingCopy(articleId, document));
    },
    async afterUnloadDocument({ documentName }) {
      const articleId = articleIdOfDocument(documentName);
      if (articleId) persistence.forget(articleId);
    },
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const articleId = articleIdOfDocument(documentName);
          return articleId ? persistence.load(articleId) : null;
        },
        store: async ({ documentName, document, lastContext, lastTransactionOrigin }) => {
          const articleId = articleIdOfDocument(documentName);
          if (!articleId) return;
          announce(
            document,
            await persistence.store(articleId, document, lastContext, lastTransactionOrigin),
          );
        },
      }),
      ...(options.extensions ?? []),
    ],
  });
}

export type CollabServer = ReturnType<typeof createCollabServer>;

/**
 * Reads the rights of every open connection again (connectionRights) and closes, with the
 * reason, those that lost them. Messages are checked as they come (beforeHandleMessage); this
 * covers a connection that sends nothing and would otherwise go on receiving every change.
 */
async function sweepRights(
  db: Db,
  documents: Iterable<{ name: string; getConnections(): Connection<CollabContext>[] }>,
): Promise<void> {
  const checks = [...documents].flatMap((document) => {
    const articleId = articleIdOfDocument(document.name);
    if (!articleId) return [];
    return document.getConnections().map(async (connection) => {
      try {
        const { user, readOnly } = await connectionRights(
          db,
          connection.request.headers,
          articleId,
        );
        connection.readOnly = readOnly;
        connection.context.user = user;
      } catch (error) {
        if (error instanceof CollabRefusal)
          connection.close({ code: FORBIDDEN_CLOSE_CODE, reason: error.reason });
        // Anything else (the database away): the next sweep or message asks again.
      }
    });
  });
  await Promise.all(checks);
}
