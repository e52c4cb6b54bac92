import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './names';

export interface PositionedReference {
  noteId: string;
  pos: number;
}

export interface PositionedNote {
  id: string;
  pos: number;
  node: ProseMirrorNode;
}

export interface FootnoteAnalysis {
  references: PositionedReference[];
  /** The notes block (the schema allows at most one, at the end). */
  block: { pos: number; node: ProseMirrorNode } | null;
  notes: PositionedNote[];
  /** Distinct note ids in first-reference order, only for notes that exist. */
  order: string[];
}

// The editor state and the invariant plugin both ask about the same document; walk it once.
const cache = new WeakMap<ProseMirrorNode, FootnoteAnalysis>();

export function analyzeFootnotes(doc: ProseMirrorNode): FootnoteAnalysis {
  const cached = cache.get(doc);
  if (cached) return cached;
  const references: PositionedReference[] = [];
  const notes: PositionedNote[] = [];
  let block: FootnoteAnalysis['block'] = null;
  doc.forEach((child, offset) => {
    if (child.type.name === FOOTNOTES) {
      block = { pos: offset, node: child };
      child.forEach((note, noteOffset) => {
        if (note.type.name === FOOTNOTE) {
          notes.push({ id: String(note.attrs.id), pos: offset + 1 + noteOffset, node: note });
        }
      });
      return;
    }
    child.descendants((node, pos) => {
      if (node.type.name === FOOTNOTE_REFERENCE) {
        references.push({ noteId: String(node.attrs.noteId), pos: offset + 1 + pos });
      }
      return true;
    });
  });
  const existing = new Set(notes.map((note) => note.id));
  const order = [...new Set(references.map((reference) => reference.noteId))].filter((id) =>
    existing.has(id),
  );
  const analysis: FootnoteAnalysis = { references, block, notes, order };
  cache.set(doc, analysis);
  return analysis;
}
