import { Database } from '@hocuspocus/extension-database';
import { Server, type Extension } from '@hocuspocus/server';
import type { Db } from '@newsroom/db';
import {
  articleIdOfDocument,
  parseCollabMessage,
  type CollabMessage,
} from '../document/document-name';
import { authenticateConnection, CollabRefusal, type CollabContext } from './authenticate';
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
}

/** Stored at most this long after the last keystroke: also how stale "Update" can be. */
export const STORE_DEBOUNCE_MS = 1_000;
export const STORE_MAX_DEBOUNCE_MS = 5_000;

/**
 * The collaboration server: Hocuspocus over WebSockets, one shared document per article.
 * Connections are authenticated with the staff session; documents are kept as bytes in the
 * database and every store writes the JSON working copy through editorial's one write path.
 */
export function createCollabServer(options: CollabServerOptions) {
  const persistence = createPersistence(options.db);
  const announce = (
    document: { broadcastStateless(payload: string): void },
    message: CollabMessage | null,
  ) => {
    if (message) document.broadcastStateless(JSON.stringify(message));
  };

  return new Server<CollabContext>({
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDebounceMs ?? STORE_DEBOUNCE_MS,
    maxDebounce: options.storeMaxDebounceMs ?? STORE_MAX_DEBOUNCE_MS,
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
        // Hocuspocus answers with `reason` and closes; nothing else is told to the client.
        if (error instanceof CollabRefusal)
          throw Object.assign(new Error(error.reason), { reason: error.reason });
        throw error;
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
