import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import type { ValidationError } from '@newsroom/article';
import {
  articleDocumentName,
  COLLAB_UNAVAILABLE,
  isCollabRefusal,
  hasLegacyTextFields,
  metaMap,
  parseCollabMessage,
  type CollabUser,
} from '@newsroom/collab';
import * as Y from 'yjs';
import { LocalCopy, localCopyName } from './local-copy';
import { WritesAfterFrame } from './writes-after-frame';
import { syncLabel, syncStatusText, type SyncState } from './sync-status';

/**
 * Whether this browser's copy of the article (read before the server answers) is enough to show
 * the page: it holds the article, and not in the shape from before headline and standfirst were
 * texts. Such a copy waits for the server, which upgrades the document: the copy's old headline
 * may differ from the server's (edited offline), and two different upgrades would both stay,
 * the headline shown twice.
 */
export const localCopyCanShow = (doc: Y.Doc) => metaMap(doc).size > 0 && !hasLegacyTextFields(doc);

/**
 * The longest wait between two attempts to reach the collaboration server again (the provider
 * backs off from 1 s): an editor whose server is back waits at most this long to be in sync.
 */
const RECONNECT_MAX_DELAY_MS = 3_000;

/**
 * Edits and caret moves go to the server in batches of this window (the provider's
 * `flushDelay`, merged with `Y.mergeUpdates`), not one message per key inside the key press.
 * Each message sent also comes back (the server echoes every update and caret move to all
 * connections, and confirms each update): unbatched, that traffic landed between the key and
 * the frame that shows it. The others see a key up to this much later.
 */
export const SEND_BATCH_MS = 16;

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
  /** The body editor's changes waiting for the frame (written before anything reads the doc). */
  readonly writes = new WritesAfterFrame();
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly local: LocalCopy;
  private listeners = new Set<() => void>();
  /** The sync facts as they are; `snapshot.sync` changes only when what it shows does. */
  private sync: SyncState = { connected: false, unsynced: 0, awaitingSave: false, problem: null };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  snapshot: CollabSnapshot;

  constructor(
    url: string,
    article: { id: string; version: number; hasUnpublishedChanges: boolean },
    user: CollabUser,
    userId: string,
  ) {
    const articleId = article.id;
    this.snapshot = {
      sync: this.sync,
      version: article.version,
      hasUnpublishedChanges: article.hasUnpublishedChanges,
      ready: false,
      readOnly: false,
      peers: [],
      refused: null,
      errors: [],
    };
    this.local = new LocalCopy(localCopyName(userId, articleId), this.doc);
    this.local.persistence.on('synced', () => {
      if (localCopyCanShow(this.doc)) this.update({ ready: true });
    });
    this.socket = new HocuspocusProviderWebsocket({ url, maxDelay: RECONNECT_MAX_DELAY_MS });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: articleDocumentName(articleId),
      document: this.doc,
      flushDelay: SEND_BATCH_MS,
      onStatus: ({ status }) => {
        this.local.serverReachable = status === 'connected';
        // Losing the server: what waits for the spare copy's next batch is all there is now.
        if (!this.local.serverReachable) this.local.flush();
        this.updateSync({ connected: status === 'connected' });
      },
      onSynced: () => {
        this.update({ ready: true });
        // Taken again after "unavailable", on a socket that never closed.
        if (this.socket.status === WebSocketStatus.Connected) {
          this.local.serverReachable = true;
          this.updateSync({ connected: true });
        }
      },
      onAuthenticated: ({ scope }) => this.update({ readOnly: scope === 'readonly' }),
      onAuthenticationFailed: ({ reason }) =>
        reason === COLLAB_UNAVAILABLE ? this.serverUnavailable() : this.update({ refused: reason }),
      // A connection the server ends later (a log out in another tab, a lower role) arrives as
      // a close of this document with the refusal's reason; the socket itself stays open.
      onClose: ({ event }) => {
        if (isCollabRefusal(event.reason)) this.update({ refused: event.reason });
        else if (event.reason === COLLAB_UNAVAILABLE) this.serverUnavailable();
      },
      onUnsyncedChanges: ({ number }) => this.updateSync({ unsynced: number }),
      onStateless: ({ payload }) => this.onMessage(payload),
      // Before the provider applies what the server sent: another person's change must not be
      // shown over an unwritten one of ours.
      onMessage: () => this.writes.flush(),
    });
    // Our own socket (for its reconnect delay), so attaching the document is ours to do too.
    this.provider.attach();
    this.provider.awareness?.setLocalStateField('user', user);
    this.provider.awareness?.on('change', () => this.update({ peers: this.readPeers() }));
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      // Our own edits (the editor binding, the fields); not the server's, not IndexedDB's replay.
      if (origin !== this.provider && origin !== this.local.persistence)
        this.updateSync({ awaitingSave: true });
    });
    addEventListener('pagehide', this.leave);
    document.addEventListener('visibilitychange', this.keepWhenHidden);
    addEventListener('offline', this.dropConnection);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves with null once the working copy holds everything, or with why it cannot now. */
  whenSaved(): Promise<string | null> {
    this.writes.flush();
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
    clearTimeout(this.retryTimer);
    removeEventListener('pagehide', this.leave);
    document.removeEventListener('visibilitychange', this.keepWhenHidden);
    removeEventListener('offline', this.dropConnection);
    this.writes.flush();
    this.sendNow();
    this.provider.destroy();
    this.socket.destroy();
    void this.local.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  /**
   * The browser knows at once that its network went; an open socket only notices after 30 s
   * without a message (meanwhile the page said "Syncing…"). Closing it shows "Offline" now, and
   * the provider keeps retrying until the network is back.
   */
  private dropConnection = () => {
    if (this.socket.status === WebSocketStatus.Connected)
      this.socket.onClose({ event: new CloseEvent('close', { code: 4000, reason: 'offline' }) });
  };

  /**
   * The server is there but could not check this page's rights (its database is away), and let
   * go of the document: offline (the edits wait here, and in IndexedDB), and the document is
   * attached again shortly, until the server takes it (onSynced).
   */
  private serverUnavailable() {
    this.local.serverReachable = false;
    this.local.flush();
    this.updateSync({ connected: false });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.provider.detach();
      this.provider.attach();
    }, RECONNECT_MAX_DELAY_MS);
  }

  /** What waits for the next batch goes now. */
  private sendNow = () => this.provider.flushPendingUpdates();

  /** The page is going away: everything waiting goes to this browser's copy and the server. */
  private leave = () => {
    this.writes.flush();
    this.local.flush();
    this.sendNow();
  };

  /** A hidden page may be closed without another event: its edits go to this browser's copy. */
  private keepWhenHidden = () => {
    if (document.visibilityState !== 'hidden') return;
    this.writes.flush();
    this.local.flush();
  };

  private onMessage(payload: string) {
    const message = parseCollabMessage(payload);
    if (message?.type === 'saved')
      this.updateSync(
        { awaitingSave: false, problem: null },
        {
          version: message.version,
          hasUnpublishedChanges: message.hasUnpublishedChanges,
          errors: [],
        },
      );
    if (message?.type === 'invalid')
      this.updateSync(
        { problem: message.errors.map((error) => `${error.path}: ${error.message}`).join('; ') },
        { errors: message.errors },
      );
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

  private updateSync(patch: Partial<SyncState>, rest: Partial<CollabSnapshot> = {}) {
    this.sync = { ...this.sync, ...patch };
    this.update({ ...rest, sync: this.sync });
  }

  /**
   * A new snapshot, and the page re-rendered, only when something it shows changed: the
   * provider reports each change and each confirmation, and every caret move is an awareness
   * change, several times per key while typing.
   */
  private update(patch: Partial<CollabSnapshot>) {
    const changed = (Object.keys(patch) as (keyof CollabSnapshot)[]).filter(
      (key) => !sameFact(key, this.snapshot[key], patch[key]),
    );
    if (changed.length === 0) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Whether a snapshot field would show the same before and after. */
export function sameFact<K extends keyof CollabSnapshot>(
  key: K,
  before: CollabSnapshot[K],
  after: CollabSnapshot[K] | undefined,
): boolean {
  if (after === undefined) return true;
  switch (key) {
    case 'sync': {
      const [a, b] = [before as SyncState, after as SyncState];
      return syncLabel(a) === syncLabel(b) && syncStatusText(a) === syncStatusText(b);
    }
    case 'peers': {
      const [a, b] = [before as Peer[], after as Peer[]];
      return (
        a.length === b.length &&
        a.every(
          (peer, i) =>
            peer.clientId === b[i]?.clientId &&
            peer.user.name === b[i]?.user.name &&
            peer.user.color === b[i]?.user.color,
        )
      );
    }
    case 'errors':
      return JSON.stringify(before) === JSON.stringify(after);
    default:
      return Object.is(before, after);
  }
}
