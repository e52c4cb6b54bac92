import { FOOTNOTE, FOOTNOTES, getFootnoteMarkers } from '@newsroom/article';
import type { EditorState } from '@tiptap/pm/state';

export interface NotePickerItem {
  id: string;
  /** The marker readers see ("1", "*", "†"…), live from the footnote plugin. */
  marker: string;
  /** The note's plain text, for recognising it in the list. */
  text: string;
}

/** The notes a new reference can point at, in marker order (the notes area keeps that order). */
export function buildNotePickerItems(state: EditorState): NotePickerItem[] {
  const block = state.doc.lastChild;
  if (!block || block.type.name !== FOOTNOTES) return [];
  const markers = getFootnoteMarkers(state);
  const items: NotePickerItem[] = [];
  block.forEach((note) => {
    if (note.type.name !== FOOTNOTE) return;
    const id = String(note.attrs.id);
    const marker = markers.get(id);
    // A note without a marker has no reference yet; the plugin is about to remove it.
    if (marker) items.push({ id, marker, text: note.textContent.trim() });
  });
  return items;
}
