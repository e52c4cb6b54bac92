import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { ValidationError } from '@newsroom/article';
import { articleDocumentName, metaMap, parseCollabMessage } from '@newsroom/collab';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { CollabUser } from './collab-carets';
import { syncLabel, syncStatusText, type SyncState } from './sync-status';

/**
 * The longest wait between two attempts to reach the collaboration server again (the provider
 * backs off from 1 s): an editor whose server is back waits at most this long to be in sync.
 */
const RECONNECT_MAX_DELAY_MS = 3_000;

export interface Peer {
  clientId: number;
  user: CollabUser;
}

export interface CollabSnapshot {
  sync: SyncState;
  /** The working copy version the server last wrote (what Publish / Update are based on). */
  version: number;
  /** Published, and the working copy has changed since (as of the last write). */
  hasUnpublishedChanges: boolean;
  /** Content arrived (from the server, or from this browser's copy while offline). */
  ready: boolean;
  readOnly: boolean;
  /** Who else has the article open. */
  peers: Peer[];
  /** The connection was refused (no valid session): the reason. */
  refused: string | null;
  /** Why the server could not write the working copy from the last change (shown by the fields). */
  errors: ValidationError[];
}

/**
 * One article's shared document in the browser: the Hocuspocus connection, a copy in
 * IndexedDB (edits made offline survive a reload and merge on reconnect), presence, and the
 * sync status. Plain TypeScript; the React hook subscribes to `snapshot`.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly local: IndexeddbPersistence;
  private listeners = new Set<() => void>();
  snapshot: CollabSnapshot;

  constructor(
    url: string,
    article: { id: string; version: number; hasUnpublishedChanges: boolean },
    user: CollabUser,
  ) {
    const articleId = article.id;
    this.snapshot = {
      sync: { connected: false, unsynced: 0, awaitingSave: false, problem: null },
      version: article.version,
      hasUnpublishedChanges: article.hasUnpublishedChanges,
      ready: false,
      readOnly: false,
      peers: [],
      refused: null,
      errors: [],
    };
    this.local = new IndexeddbPersistence(`newsroom-${articleDocumentName(articleId)}`, this.doc);
    this.local.on('synced', () => {
      if (metaMap(this.doc).size > 0) this.update({ ready: true });
    });
    this.socket = new HocuspocusProviderWebsocket({ url, maxDelay: RECONNECT_MAX_DELAY_MS });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: articleDocumentName(articleId),
      document: this.doc,
      onStatus: ({ status }) => this.updateSync({ connected: status === 'connected' }),
      onSynced: () => this.update({ ready: true }),
      onAuthenticated: ({ scope }) => this.update({ readOnly: scope === 'readonly' }),
      onAuthenticationFailed: ({ reason }) => this.update({ refused: reason }),
      onUnsyncedChanges: ({ number }) => this.updateSync({ unsynced: number }),
      onStateless: ({ payload }) => this.onMessage(payload),
    });
    // Our own socket (for its reconnect delay), so attaching the document is ours to do too.
    this.provider.attach();
    this.provider.awareness?.setLocalStateField('user', user);
    this.provider.awareness?.on('change', () => this.update({ peers: this.readPeers() }));
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      // Our own edits (the editor binding, the fields); not the server's, not IndexedDB's replay.
      if (origin !== this.provider && origin !== this.local)
        this.updateSync({ awaitingSave: true });
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves with null once the working copy holds everything, or with why it cannot now. */
  whenSaved(): Promise<string | null> {
    return new Promise((resolve) => {
      const check = () => {
        const label = syncLabel(this.snapshot.sync);
        if (label === 'syncing') return false;
        resolve(label === 'saved' ? null : syncStatusText(this.snapshot.sync));
        return true;
      };
      if (check()) return;
      const unsubscribe = this.subscribe(() => {
        if (check()) unsubscribe();
      });
    });
  }

  /** After a restore or discard: the server takes the new working copy into the shared document. */
  takeWorkingCopy() {
    this.provider.sendStateless(JSON.stringify({ type: 'reload' }));
  }

  destroy() {
    this.provider.destroy();
    this.socket.destroy();
    void this.local.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onMessage(payload: string) {
    const message = parseCollabMessage(payload);
    if (message?.type === 'saved')
      this.update({
        version: message.version,
        hasUnpublishedChanges: message.hasUnpublishedChanges,
        sync: { ...this.snapshot.sync, awaitingSave: false, problem: null },
        errors: [],
      });
    if (message?.type === 'invalid')
      this.update({
        sync: {
          ...this.snapshot.sync,
          problem: message.errors.map((error) => `${error.path}: ${error.message}`).join('; '),
        },
        errors: message.errors,
      });
  }

  private readPeers(): Peer[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    return [...awareness.getStates().entries()].flatMap(([clientId, state]) =>
      clientId !== awareness.clientID && state.user
        ? [{ clientId, user: state.user as CollabUser }]
        : [],
    );
  }

  private updateSync(patch: Partial<SyncState>) {
    this.update({ sync: { ...this.snapshot.sync, ...patch } });
  }

  private update(patch: Partial<CollabSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
