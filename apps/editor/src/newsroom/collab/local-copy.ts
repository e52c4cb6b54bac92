import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/**
 * Longest an edit waits before it is written to this browser's copy. y-indexeddb writes every
 * update in its own IndexedDB transaction, inside the key press that made it; we collect the
 * updates of this window and write them merged, after the screen has shown the key. Leaving
 * the page (or hiding it) writes at once, so a closed tab keeps what was typed.
 */
export const LOCAL_COPY_WRITE_MS = 200;

/**
 * The shared document's copy in this browser's IndexedDB (y-indexeddb): edits made offline
 * survive a reload and merge on reconnect. Same store and format as y-indexeddb's own writes,
 * so y-indexeddb reads it back and compacts it as usual.
 */
export class LocalCopy {
  readonly persistence: IndexeddbPersistence;
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    name: string,
    private readonly doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    // Ours instead of y-indexeddb's per-update write (the same write, batched).
    doc.off('update', this.persistence._storeUpdate);
    doc.on('update', this.collect);
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flushWhenHidden);
  }

  /** Writes what is waiting now (nothing happens when nothing is). */
  flush = () => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    // Any origin but the persistence itself is stored (its own replays are not).
    if (update) this.persistence._storeUpdate(update, this);
  };

  destroy(): Promise<void> {
    this.flush();
    this.doc.off('update', this.collect);
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flushWhenHidden);
    return this.persistence.destroy();
  }

  private collect = (update: Uint8Array, origin: unknown) => {
    // What y-indexeddb replays from the store is already there.
    if (origin === this.persistence) return;
    this.pending.push(update);
    this.timer ??= setTimeout(this.flush, LOCAL_COPY_WRITE_MS);
  };

  private flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
