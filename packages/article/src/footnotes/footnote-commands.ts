import type { CommandProps } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { analyzeFootnotes } from './analyze-document';
import { footnotePluginKey } from './footnote-plugin';
import type { MarkerStyle } from './markers';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './names';
import { createNoteId } from './note-id';

export interface InsertFootnoteOptions {
  /** Defaults to a fresh random id. */
  id?: string;
  /** Initial plain text of the note. */
  text?: string;
  /** Put the cursor in the new note (default) or leave it after the reference. */
  focusNote?: boolean;
}

/** Where a reference may go: the end of the selection, in body text, never inside the notes. */
function referencePosition({ tr }: CommandProps): number | null {
  const $pos = tr.selection.$to;
  const referenceType = tr.doc.type.schema.nodes[FOOTNOTE_REFERENCE];
  if (!referenceType || !$pos.parent.inlineContent) return null;
  if ($pos.depth >= 1 && $pos.node(1).type.name === FOOTNOTES) return null;
  return $pos.parent.canReplaceWith($pos.index(), $pos.index(), referenceType) ? $pos.pos : null;
}

export function insertFootnote(options: InsertFootnoteOptions = {}) {
  return (props: CommandProps): boolean => {
    const { tr, dispatch } = props;
    const { schema } = tr.doc.type;
    const at = referencePosition(props);
    const referenceType = schema.nodes[FOOTNOTE_REFERENCE];
    const noteType = schema.nodes[FOOTNOTE];
    const blockType = schema.nodes[FOOTNOTES];
    if (at === null || !referenceType || !noteType || !blockType) return false;

    const { notes, block, references } = analyzeFootnotes(tr.doc);
    const id = options.id ?? createNoteId(new Set(notes.map((note) => note.id)));
    if (notes.some((note) => note.id === id)) return false;
    if (!dispatch) return true;

    // Notes are in first-reference order, so the new one follows every note referenced earlier.
    const earlier = new Set(references.filter((ref) => ref.pos < at).map((ref) => ref.noteId));
    const precedingNotes = notes.filter((note) => earlier.has(note.id));
    const note = noteType.create({ id }, options.text ? schema.text(options.text) : null);

    tr.insert(at, referenceType.create({ noteId: id }));
    let notePos: number;
    if (block) {
      const last = precedingNotes.at(-1);
      notePos = (last ? last.pos + last.node.nodeSize : block.pos + 1) + 1;
      tr.insert(notePos, note);
    } else {
      notePos = tr.doc.content.size;
      tr.insert(notePos, blockType.create(null, note));
      notePos += 1;
    }
    const cursor = options.focusNote === false ? at + 1 : notePos + 1 + note.content.size;
    tr.setSelection(TextSelection.create(tr.doc, cursor)).scrollIntoView();
    return true;
  };
}

export function insertFootnoteReference(noteId: string) {
  return (props: CommandProps): boolean => {
    const { tr, dispatch } = props;
    const at = referencePosition(props);
    const referenceType = tr.doc.type.schema.nodes[FOOTNOTE_REFERENCE];
    const exists = analyzeFootnotes(tr.doc).notes.some((note) => note.id === noteId);
    if (at === null || !referenceType || !exists) return false;
    if (dispatch) {
      tr.insert(at, referenceType.create({ noteId }));
      tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView();
    }
    return true;
  };
}

export function setFootnoteMarkerStyle(style: MarkerStyle) {
  return ({ tr, dispatch }: CommandProps): boolean => {
    if (dispatch) tr.setMeta(footnotePluginKey, { style });
    return true;
  };
}
