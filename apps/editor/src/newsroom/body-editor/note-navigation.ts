import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from '@newsroom/article';
import { type Command, type EditorState, TextSelection } from '@tiptap/pm/state';

/** The note the caret is in, if it is in the notes area. */
export function noteAtSelection(state: EditorState): { id: string; pos: number } | null {
  const { $from } = state.selection;
  if ($from.depth < 2 || $from.node(1).type.name !== FOOTNOTES) return null;
  const note = $from.node(2);
  if (note.type.name !== FOOTNOTE) return null;
  return { id: String(note.attrs.id), pos: $from.before(2) };
}

/** Position of the first reference to `noteId` in the text, or -1. */
export function firstReferencePosition(state: EditorState, noteId: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || node.type.name === FOOTNOTES) return false;
    if (node.type.name === FOOTNOTE_REFERENCE && node.attrs.noteId === noteId) found = pos;
    return found < 0;
  });
  return found;
}

/**
 * From inside a note, puts the caret just after the note's (first) reference in the text, so
 * writing continues where it stopped after inserting a footnote.
 */
export const returnToReference: Command = (state, dispatch) => {
  const note = noteAtSelection(state);
  if (!note) return false;
  const referencePos = firstReferencePosition(state, note.id);
  if (referencePos < 0) return false;
  if (dispatch) {
    const selection = TextSelection.create(state.doc, referencePos + 1);
    dispatch(state.tr.setSelection(selection).scrollIntoView());
  }
  return true;
};

/**
 * Enter inside a note becomes a line break. Splitting a note would give two notes the same id,
 * and the footnote plugin keeps only the first, so the text after the caret would vanish.
 */
export const lineBreakInNote: Command = (state, dispatch) => {
  if (!noteAtSelection(state)) return false;
  const hardBreak = state.schema.nodes.hardBreak;
  if (!hardBreak) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(hardBreak.create()).scrollIntoView());
  return true;
};
