import { Plugin, type PluginView } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { afterNextFrame } from './after-frame';

/** Where no frame comes (a hidden tab), a key reaches the shared document this much later. */
const WRITE_AT_LATEST_MS = 50;

type Write = 'body' | 'caret';

/**
 * This editor's changes to the shared document, written after the frame that shows them.
 *
 * y-tiptap writes each change to Yjs inside the key press that made it (its diff, Yjs's
 * bookkeeping and update encoding, then our caret for the others: ~0.15 ms a key), so the
 * letter appeared that much later than without co-editing. Written once the frame is drawn, the
 * same write costs the typist nothing they see; the others get it within the send batch anyway.
 *
 * A change waiting here is not yet in the shared document, so everything that reads or changes
 * that document writes it first: the next editor transaction (so each write is the one y-tiptap
 * would have made, with its own undo step), another person's change arriving (the session, before
 * the provider applies it; any other transaction on the document as a last resort), undo and redo,
 * the session before it reports "saved" or sends on leaving, and the editor closing.
 */
export class WritesAfterFrame {
  private readonly waiting = new Map<Write, () => void>();
  private cancelFrame: (() => void) | null = null;

  /** Whether a change of the body waits. */
  get bodyWaits(): boolean {
    return this.waiting.has('body');
  }

  /** `write` after the next frame, or sooner when something needs the document as it is shown. */
  later(kind: Write, write: () => void) {
    this.waiting.set(kind, write);
    this.cancelFrame ??= afterNextFrame(this.flush, WRITE_AT_LATEST_MS);
  }

  /** Writes what waits now, the body before the caret that stands in it. */
  flush = () => {
    this.cancelFrame?.();
    this.cancelFrame = null;
    const writes = [...this.waiting.values()];
    this.waiting.clear();
    for (const write of writes) write();
  };
}

/**
 * y-tiptap's sync plugin, writing local changes after the frame. Changes from elsewhere and
 * everything else the plugin's view does are unchanged and immediate.
 */
export function syncPluginWritingAfterFrame(sync: Plugin, writes: WritesAfterFrame): Plugin {
  const createView = sync.spec.view;
  if (!createView) throw new Error('the sync plugin has no view');
  return new Plugin({
    ...sync.spec,
    // Before the next transaction is applied: the waiting write is of the state it replaces.
    filterTransaction: () => {
      writes.flush();
      return true;
    },
    view(view) {
      const doc = (ySyncPluginKey.getState(view.state) as { doc: Y.Doc }).doc;
      // A last resort: a change reaching the document by a way that did not write first would
      // otherwise be shown over this editor's unwritten change, and the change lost. Written
      // inside that change's transaction, it keeps the words; Yjs then gives this document a new
      // client id (it takes a remote transaction holding its own id for a clash), which costs
      // nothing but the warning it prints.
      const writeBeforeOthers = (transaction: Y.Transaction) => {
        if (transaction.origin !== ySyncPluginKey && writes.bodyWaits) writes.flush();
      };
      doc.on('beforeTransaction', writeBeforeOthers);
      const inner = createView(view);
      return {
        update(updated: EditorView, previous) {
          if (isLocalChange(updated, previous.doc))
            writes.later('body', () => inner.update?.(updated, previous));
          else inner.update?.(updated, previous);
        },
        destroy() {
          writes.flush();
          doc.off('beforeTransaction', writeBeforeOthers);
          inner.destroy?.();
        },
      } satisfies PluginView;
    },
  });
}

/**
 * y-tiptap's cursor plugin, telling the others where this caret is once the change it stands in
 * is written (its position is relative to the shared document's text).
 */
export function cursorPluginAfterWrites(cursor: Plugin, writes: WritesAfterFrame): Plugin {
  const createView = cursor.spec.view;
  if (!createView) throw new Error('the cursor plugin has no view');
  return new Plugin({
    ...cursor.spec,
    view(view) {
      const inner = createView(view);
      return {
        update(updated: EditorView, previous) {
          if (writes.bodyWaits) writes.later('caret', () => inner.update?.(updated, previous));
          else inner.update?.(updated, previous);
        },
        destroy: () => inner.destroy?.(),
      } satisfies PluginView;
    },
  });
}

/** A change this editor made to the body (not one it shows from elsewhere, nor a snapshot). */
function isLocalChange(view: EditorView, previousDoc: EditorView['state']['doc']): boolean {
  if (view.state.doc === previousDoc) return false;
  const sync = ySyncPluginKey.getState(view.state) as {
    isChangeOrigin: boolean;
    snapshot: unknown;
    prevSnapshot: unknown;
  };
  return !sync.isChangeOrigin && sync.snapshot == null && sync.prevSnapshot == null;
}
