import type { JSONContent } from '@tiptap/core';
import { collectNotes, collectReferences, type ReferenceLocation } from './json-footnotes';
import { footnoteMarker, type MarkerStyle } from './markers';

export interface NumberedNote {
  id: string;
  /** 1-based position in first-reference order. */
  number: number;
  marker: string;
  content: JSONContent[];
  references: ReferenceLocation[];
}

/**
 * Notes in the order their first reference appears. Markers are derived here and never
 * stored, so undo, paste or reordering can't leave them stale. Notes nobody references and
 * references to missing notes are left out.
 */
export function numberNotes(doc: JSONContent, style: MarkerStyle): NumberedNote[] {
  const notes = collectNotes(doc);
  const numbered = new Map<string, NumberedNote>();
  for (const reference of collectReferences(doc)) {
    const existing = numbered.get(reference.noteId);
    if (existing) {
      existing.references.push(reference);
      continue;
    }
    const note = notes.get(reference.noteId);
    if (!note) continue;
    const index = numbered.size;
    numbered.set(reference.noteId, {
      id: reference.noteId,
      number: index + 1,
      marker: footnoteMarker(index, style),
      content: Array.isArray(note.content) ? note.content : [],
      references: [reference],
    });
  }
  return [...numbered.values()];
}
