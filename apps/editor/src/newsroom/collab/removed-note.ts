import { FOOTNOTE } from '@newsroom/article';
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { rendersRemoteChange } from './caret-after-remote-change';

/** Fired (bubbling) by the body editor's element; `detail` is a RemovedNote. */
export const NOTE_REMOVED_EVENT = 'newsroom:note-removed';
/** The text of the note someone else removed while this person was writing in it. */
export type RemovedNote = { text: string };

const key = new PluginKey<RemovedNote | null>('removedNote');

/**
 * Another person removed the note this person's caret was in (they deleted its only
 * reference): the caret would go to the end of the body above the notes, and what this person
 * types next, meant for the note, would land in the article's text. Instead the editor lets go
 * of the focus (keys then type nowhere) and tells the page, with the note's text as it stood, so
 * that it can be put back. Undo cannot: it takes back only one's own changes.
 */
export const RemovedNoteGuard = Extension.create({
  name: 'removedNoteGuard',
  addProseMirrorPlugins: () => [
    new Plugin<RemovedNote | null>({
      key,
      state: {
        init: () => null,
        // Kept through the transactions other plugins append in the same dispatch (the caret's
        // own repair comes after), so that the view sees it once.
        apply: (tr, value) =>
          (tr.getMeta(key) as RemovedNote | undefined) ??
          (tr.getMeta('appendedTransaction') ? value : null),
      },
      appendTransaction(transactions, before, after) {
        if (!transactions.some(rendersRemoteChange)) return null;
        const note = noteHoldingCaret(before);
        if (!note || hasNote(after.doc, note.attrs.id as string)) return null;
        return after.tr.setMeta(key, { text: note.textContent }).setMeta('addToHistory', false);
      },
      view: () => ({
        update(view, previous) {
          const removed = key.getState(view.state);
          if (!removed || removed === key.getState(previous)) return;
          (view.dom as HTMLElement).blur();
          view.dom.dispatchEvent(
            new CustomEvent<RemovedNote>(NOTE_REMOVED_EVENT, { detail: removed, bubbles: true }),
          );
        },
      }),
    }),
  ],
});

function noteHoldingCaret(state: EditorState): ProseMirrorNode | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name === FOOTNOTE) return node;
  }
  return null;
}

function hasNote(doc: ProseMirrorNode, id: string): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.type.name === FOOTNOTE && node.attrs.id === id) found = true;
    return !found;
  });
  return found;
}
