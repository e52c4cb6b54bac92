import { Fragment, type Node as ProseMirrorNode, type Schema, type Slice } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from '../footnotes/names';
import type { CleanedHtml } from './clean-pasted-html';
import { parseCleanedBody, parseCleanedNotes } from './schema-content';

/** Whether the selection sits inside one note. */
export function selectionInNote(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.parent.type.name === FOOTNOTE && $from.sameParent($to);
}

/**
 * What a note can hold of a pasted slice: its text with the marks notes allow, paragraphs
 * joined by line breaks; references go (a note cannot reference a note).
 */
export function noteContentOf(slice: Slice, schema: Schema): Fragment {
  const footnote = schema.nodes[FOOTNOTE]!;
  const hardBreak = schema.nodes.hardBreak!;
  const inline: ProseMirrorNode[] = [];
  slice.content.descendants((node) => {
    if (node.isTextblock) {
      if (inline.length > 0) inline.push(hardBreak.create());
      node.forEach((child) => {
        if (child.type.name === FOOTNOTE_REFERENCE) return;
        if (child.isText)
          inline.push(child.mark(child.marks.filter((mark) => footnote.allowsMarkType(mark.type))));
        else if (child.type === hardBreak) inline.push(child);
      });
      return false;
    }
    return true;
  });
  return Fragment.from(inline);
}

/** Pasting into a note keeps everything inside that note. */
export function pasteIntoNote(state: EditorState, slice: Slice): Transaction {
  const { from, to } = state.selection;
  return state.tr.replaceWith(from, to, noteContentOf(slice, state.schema)).scrollIntoView();
}

/** Adds notes to the notes block (making it if needed); the footnote plugin orders them. */
function appendNotes(tr: Transaction, notes: ProseMirrorNode[]): void {
  if (notes.length === 0) return;
  const last = tr.doc.lastChild;
  if (last?.type.name === FOOTNOTES) tr.insert(tr.doc.content.size - 1, notes);
  else tr.insert(tr.doc.content.size, tr.doc.type.schema.nodes[FOOTNOTES]!.create(null, notes));
}

/** One transaction for a cleaned paste: the body at the selection, its notes among ours. */
export function pasteCleanedHtml(state: EditorState, cleaned: CleanedHtml): Transaction {
  if (selectionInNote(state))
    return pasteIntoNote(state, parseCleanedBody(cleaned, state.schema, state.selection.$from));
  const tr = state.tr.replaceSelection(
    parseCleanedBody(cleaned, state.schema, state.selection.$from),
  );
  appendNotes(tr, parseCleanedNotes(cleaned, state.schema));
  return tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste');
}
