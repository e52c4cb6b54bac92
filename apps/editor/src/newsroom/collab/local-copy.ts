import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { articleDocumentName } from '@newsroom/collab';
import { afterNextFrame } from './after-frame';

/** Every copy this app keeps in IndexedDB starts with this (older ones had no person in it). */
const LOCAL_COPY_PREFIX = 'newsroom-';

/**
 * One copy per person and article: on a browser several people use, one person's unsent edits
 * never reach the server as another's (the server stores an edit as whoever's connection sent it).
 */
export function localCopyName(userId: string, articleId: string): string {
  return `${LOCAL_COPY_PREFIX}${userId}:${articleDocumentName(articleId)}`;
}

/**
 * Deletes every copy kept in this browser (after a log out: drafts must not stay readable on a
 * shared computer). A copy still open elsewhere is deleted once that page closes it.
 */
export async function forgetLocalCopies(): Promise<void> {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .flatMap(({ name }) => (name?.startsWith(LOCAL_COPY_PREFIX) ? [name] : []))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}

/**
 * How long edits are collected before they are written to this browser's copy while the
 * collaboration server is reachable (it has them within the send batch; the copy is the spare).
 */
export const LOCAL_COPY_CONNECTED_WRITE_MS = 1_000;
/** Offline the copy is all there is: written after the next frame, or this long in a hidden tab. */
export const LOCAL_COPY_OFFLINE_WRITE_MS = 100;

/**
 * The shared document's copy in this browser's IndexedDB (y-indexeddb): edits made offline
 * survive a reload and merge on reconnect. Same store and format as y-indexeddb's own writes,
 * so y-indexeddb reads it back and compacts it as usual.
 *
 * y-indexeddb writes every update in its own IndexedDB transaction inside the key press that
 * made it (a third of a millisecond or more per key). We write merged batches instead: while the
 * server is reachable, once a second (it already has the edits); offline, right after the frame
 * that shows the key (the copy is all there is; an IndexedDB write commits after the task that
 * made it anyway, so this moves it by about a frame). The session has what waits written when the
 * server is lost and when the page is hidden or left (as far as the browser lets a leaving page
 * write).
 */
export class LocalCopy {
  readonly persistence: IndexeddbPersistence;
  private pending: Uint8Array[] = [];
  /** Cancels the write that is coming (none is when nothing waits). */
  private cancelWrite: (() => void) | null = null;
  /** Whether the collaboration server can have the edits now (the session tells). */
  serverReachable = false;

  constructor(
    name: string,
    private readonly doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    // Ours instead of y-indexeddb's per-update write (the same write, batched).
    doc.off('update', this.persistence._storeUpdate);
    doc.on('update', this.collect);
  }

  /** Writes what is waiting now (nothing happens when nothing is). */
  flush = () => {
    this.cancelWrite?.();
    this.cancelWrite = null;
    if (this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    // Any origin but the persistence itself is stored (its own replays are not).
    if (update) this.persistence._storeUpdate(update, this);
  };

  destroy(): Promise<void> {
    this.flush();
    this.doc.off('update', this.collect);
    return this.persistence.destroy();
  }

  private collect = (update: Uint8Array, origin: unknown) => {
    // What y-indexeddb replays from the store is already there.
    if (origin === this.persistence) return;
    this.pending.push(update);
    this.cancelWrite ??= this.serverReachable
      ? cancelableTimeout(this.flush, LOCAL_COPY_CONNECTED_WRITE_MS)
      : afterNextFrame(this.flush, LOCAL_COPY_OFFLINE_WRITE_MS);
  };
}

function cancelableTimeout(task: () => void, ms: number): () => void {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
}
