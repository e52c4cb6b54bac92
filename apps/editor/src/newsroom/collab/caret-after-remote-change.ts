import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';
import {
  getRelativeSelection,
  type ProsemirrorBinding,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Three fixes to how y-tiptap 3.0.9's sync binding puts the local caret back after another
 * person's change (re-check them on a y-tiptap upgrade: the tests in
 * caret-after-remote-change.test.ts fail without them).
 *
 * 1. A stale caret (the crash). The binding notes the caret once per batch of Yjs transactions
 *    (`beforeAllTransactions`): relative positions, plus absolute ones in the document shown
 *    then. After rendering each transaction it checks the restored caret against the document
 *    shown *now* by resolving those absolute positions in it (`recoverSelectionEndpoint`). A
 *    batch can hold more than one transaction: when a remote change deletes text that a third
 *    person formatted concurrently, Yjs tidies the orphaned marks in a transaction of its own
 *    (`cleanupYTextAfterTransaction`), and y-tiptap's own repairs run in nested ones. Their
 *    render then resolved the first render's old positions in the document the first render
 *    had shrunk: `RangeError: Position … out of range` thrown from the Yjs observer, and the
 *    editor stopped showing the shared body. Fix: before the observers of each further
 *    transaction of a batch, note the caret again from the document shown now.
 *
 * 2. A caret whose block was deleted went to the end of the article when that block was the
 *    first. The binding finds where a deleted block stood by walking its parent's children from
 *    `_first`, which skips deleted items, so a deleted first block is never met and the walk
 *    counts every block. Fix: when an end of the noted caret lies in a block the change deleted,
 *    put it where that block stood: the start of the block that followed, or the end of the
 *    one before when none followed (what the binding does for blocks further down).
 *
 * 3. A caret in an empty paragraph jumped to another paragraph when someone else's first letter
 *    (or block) arrived. The binding resolves the noted caret with Yjs, then second-guesses the
 *    answer by content (`recoverSelectionEndpoint`, meant for blocks moved by drag and drop): it
 *    counts the answer as wrong whenever the caret's paragraph now holds other text, or the caret
 *    is at a paragraph's start, and then looks for "the same" paragraph by its text. An empty
 *    paragraph is found again as the first empty paragraph: the one below when the other person's
 *    letter just filled mine, the other person's new one when we both pressed Enter at once. The
 *    caret, and every letter typed next, went there. Fix: when an end of the noted caret is in a
 *    text that still stands, beside a letter that still stands (or at a text's start), Yjs's
 *    answer is exact, so it is the one shown.
 */
export function caretAfterRemoteChangePlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('caretAfterRemoteChange'),
    view(view) {
      const { binding } = ySyncPluginKey.getState(view.state) as { binding: ProsemirrorBinding };
      return { destroy: noteCaretBeforeEachTransaction(binding) };
    },
    appendTransaction(transactions, _oldState, state) {
      if (!transactions.some(rendersRemoteChange)) return null;
      const { binding } = ySyncPluginKey.getState(state) as { binding: ProsemirrorBinding };
      const selection =
        whereDeletedBlocksWere(binding, state) ?? whereItsTextHoldsIt(binding, state);
      if (!selection) return null;
      // Part of rendering the remote change, as the binding marks its own transactions.
      return state.tr
        .setSelection(selection)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true })
        .setMeta('addToHistory', false);
    },
  });
}

/** The plugin as a Tiptap extension, beside Collaboration (see createSharedBody). */
export const CaretAfterRemoteChange = Extension.create({
  name: 'caretAfterRemoteChange',
  addProseMirrorPlugins: () => [caretAfterRemoteChangePlugin()],
});

/** A transaction that renders another person's change (the binding marks its own). */
export const rendersRemoteChange = (tr: { getMeta(key: unknown): unknown; docChanged: boolean }) =>
  tr.docChanged &&
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

/** Fix 1: the caret noted afresh for every transaction of a batch after the first. Returns the undo. */
function noteCaretBeforeEachTransaction(binding: ProsemirrorBinding): () => void {
  const doc = binding.doc;
  let observedInBatch = false;
  const observed = () => {
    observedInBatch = true;
  };
  const batchDone = () => {
    observedInBatch = false;
  };
  // Here the previous transaction is rendered (its observers ran), and this one's changes add or
  // remove no content the binding counts (formatting marks, or blocks its render already left out).
  const noteCaret = () => {
    const view = binding.prosemirrorView as { state: EditorState } | null;
    if (observedInBatch && view && binding.beforeTransactionSelection !== null)
      binding.beforeTransactionSelection = getRelativeSelection(binding, view.state);
  };
  doc.on('beforeObserverCalls', noteCaret);
  doc.on('afterTransaction', observed);
  doc.on('afterAllTransactions', batchDone);
  return () => {
    doc.off('beforeObserverCalls', noteCaret);
    doc.off('afterTransaction', observed);
    doc.off('afterAllTransactions', batchDone);
  };
}

/** Fix 2: the selection to show instead, or null when no endpoint's block was deleted. */
function whereDeletedBlocksWere(binding: ProsemirrorBinding, state: EditorState): Selection | null {
  const noted = binding.beforeTransactionSelection as NotedSelection | null;
  if (!noted || noted.type === 'all' || !noted.anchor || !noted.head) return null;
  const anchor = whereDeletedBlockWas(binding, noted.anchor, state);
  const head = whereDeletedBlockWas(binding, noted.head, state);
  if (!anchor && !head) return null;
  const anchorPos = anchor?.head ?? state.selection.anchor;
  const headPos = head?.head ?? state.selection.head;
  if (anchorPos === headPos) return head ?? anchor;
  return TextSelection.between(state.doc.resolve(anchorPos), state.doc.resolve(headPos));
}

/**
 * Fix 3: the noted text selection where Yjs puts it, when both its ends are in text that still
 * stands and it differs from where the binding put it. Null otherwise (the binding's answer).
 */
function whereItsTextHoldsIt(binding: ProsemirrorBinding, state: EditorState): Selection | null {
  const noted = binding.beforeTransactionSelection as NotedSelection | null;
  if (!noted || noted.type !== 'text' || !noted.anchor || !noted.head) return null;
  const anchor = inStandingText(binding, noted.anchor, state);
  const head = inStandingText(binding, noted.head, state);
  if (anchor === null || head === null) return null;
  if (anchor === state.selection.anchor && head === state.selection.head) return null;
  return TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
}

/**
 * Where `position` is now, when it lies in a text of the body that is not deleted (nor any block
 * around it) and next to a letter that is not deleted, or at the text's start: then its Yjs
 * position is exact. Null when it is not (text moved or deleted), or outside the document.
 */
function inStandingText(
  binding: ProsemirrorBinding,
  position: Y.RelativePosition,
  state: EditorState,
): number | null {
  const resolved = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!resolved || outermostDeletedAncestor(resolved.type, binding.type)) return null;
  if (!(resolved.type instanceof Y.XmlText)) return null;
  if (position.item) {
    const letter = Y.getItem(binding.doc.store, position.item);
    if (!(letter instanceof Y.Item) || letter.deleted) return null;
  }
  const where = relativePositionToAbsolutePosition(
    binding.doc,
    binding.type,
    position,
    binding.mapping,
  );
  return where !== null && where >= 0 && where <= state.doc.content.size ? where : null;
}

/** The binding's noted selection (its own type names the fields loosely). */
interface NotedSelection {
  type: string;
  anchor: Y.RelativePosition | null;
  head: Y.RelativePosition | null;
}

/**
 * A caret where the block holding `position` was, when that block (or one around it) was
 * deleted: at the start of the block that followed it, or at the end of the one before it when
 * none followed. Null when the position's blocks all live on (the binding placed it right).
 */
function whereDeletedBlockWas(
  binding: ProsemirrorBinding,
  position: Y.RelativePosition,
  state: EditorState,
): Selection | null {
  const resolved = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!resolved) return null;
  const deleted = outermostDeletedAncestor(resolved.type, binding.type);
  if (!deleted) return null;
  let index = 0;
  for (let left = deleted.left; left; left = left.left)
    if (!left.deleted && left.countable) index += left.length;
  let next = deleted.right;
  while (next?.deleted) next = next.right;
  const where = relativePositionToAbsolutePosition(
    binding.doc,
    binding.type,
    Y.createRelativePositionFromTypeIndex(deleted.parent as Y.AbstractType<unknown>, index),
    binding.mapping,
  );
  return where === null ? null : caretNear(where, state, next ? 1 : -1);
}

/** The outermost item holding `type` (or `type`'s own) that is deleted, below `root`. */
function outermostDeletedAncestor(
  type: Y.AbstractType<unknown>,
  root: Y.XmlFragment,
): Y.Item | null {
  let deleted: Y.Item | null = null;
  for (let item = type._item; item && (type as unknown) !== root; item = type._item) {
    if (item.deleted) deleted = item;
    type = item.parent as Y.AbstractType<unknown>;
  }
  return deleted;
}

/** A caret in text at or next to `pos` (clamped into the document), looking `bias` first. */
function caretNear(pos: number, state: EditorState, bias: 1 | -1): Selection {
  const $pos = state.doc.resolve(Math.min(Math.max(pos, 0), state.doc.content.size));
  return (
    Selection.findFrom($pos, bias, true) ??
    Selection.findFrom($pos, -bias, true) ??
    Selection.near($pos, bias)
  );
}
