// Real WebSocket clients for the server tests: a HocuspocusProvider per person, with the staff
// session cookie and the page's Origin on the upgrade request, as a browser sends them.
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { articleDocumentName } from '../document/document-name';
import { parseCollabMessage, type CollabMessage } from '../document/document-name';
import { SESSION_COOKIE } from '@newsroom/auth';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves with the authorized scope, or rejects with the refusal's reason. */
  authenticated: Promise<string>;
  /** The next stateless message from the server that matches. */
  nextMessage(match: (message: CollabMessage) => boolean): Promise<CollabMessage>;
}

export function connectClient(options: {
  url: string;
  articleId: string;
  sessionToken?: string;
  origin: string;
  /** Sends nothing after connecting (no awareness): a reader that only listens. */
  listenOnly?: boolean;
}): TestClient {
  const headers: Record<string, string> = { origin: options.origin };
  if (options.sessionToken) headers.cookie = `${SESSION_COOKIE}=${options.sessionToken}`;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const listeners = new Set<(message: CollabMessage) => void>();
  let settle: { resolve: (scope: string) => void; reject: (error: Error) => void };
  const authenticated = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    url: options.url,
    name: articleDocumentName(options.articleId),
    document: doc,
    WebSocketPolyfill: BrowserLikeSocket,
    ...(options.listenOnly && { awareness: null }),
    onAuthenticated: ({ scope }) => settle.resolve(scope),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(reason)),
    onStateless: ({ payload }) => {
      const message = parseCollabMessage(payload);
      if (message) for (const listener of listeners) listener(message);
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return {
    doc,
    provider,
    authenticated,
    nextMessage: (match) =>
      new Promise((resolve) => {
        const listener = (message: CollabMessage) => {
          if (!match(message)) return;
          listeners.delete(listener);
          resolve(message);
        };
        listeners.add(listener);
      }),
  };
}

/** Resolves once `check` holds for the document (checked now and after every update). */
export function waitForDoc(doc: Y.Doc, check: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const test = () => {
      if (!check(doc)) return;
      doc.off('update', test);
      resolve();
    };
    doc.on('update', test);
    test();
  });
}
