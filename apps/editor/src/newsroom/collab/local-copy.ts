import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/**
 * Longest an edit waits to be written to this browser's copy when the page shows no frames
 * (a hidden tab); otherwise it is written right after the next frame.
 */
export const LOCAL_COPY_HIDDEN_WRITE_MS = 100;

/**
 * The shared document's copy in this browser's IndexedDB (y-indexeddb): edits made offline
 * survive a reload and merge on reconnect. Same store and format as y-indexeddb's own writes,
 * so y-indexeddb reads it back and compacts it as usual.
 *
 * y-indexeddb writes every update in its own IndexedDB transaction inside the key press that
 * made it, before the screen shows the key. We write right after the next frame instead, the
 * updates of that frame merged into one write; hiding or leaving the page writes what waits. An
 * IndexedDB write is never instant (its transaction commits after the task that made it), so
 * this moves the write by about a frame, not more.
 */
export class LocalCopy {
  readonly persistence: IndexeddbPersistence;
  private pending: Uint8Array[] = [];
  private afterFrame: number | null = null;
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
    if (this.afterFrame !== null) cancelAnimationFrame(this.afterFrame);
    if (this.timer !== null) clearTimeout(this.timer);
    this.afterFrame = null;
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
    if (this.timer !== null) return;
    // A task after the frame's callbacks runs once the frame is drawn.
    this.afterFrame = requestAnimationFrame(() => setTimeout(this.flush, 0));
    this.timer = setTimeout(this.flush, LOCAL_COPY_HIDDEN_WRITE_MS);
  };

  private flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
