import type { JSONContent } from '@tiptap/core';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './names';

export interface ReferenceLocation {
  noteId: string;
  /** Child indices from the document root to the reference node. */
  path: number[];
}

/** Every footnote reference in the body, in document order. */
export function collectReferences(doc: JSONContent): ReferenceLocation[] {
  const found: ReferenceLocation[] = [];
  const visit = (node: JSONContent | null | undefined, path: number[]): void => {
    // Documents may come straight from storage or a request, so nothing is assumed.
    if (typeof node !== 'object' || node === null) return;
    if (node.type === FOOTNOTE_REFERENCE) {
      const noteId: unknown = node.attrs?.noteId;
      if (typeof noteId === 'string') found.push({ noteId, path });
      return;
    }
    // References never live inside notes, so the notes block is not searched.
    if (node.type === FOOTNOTES || !Array.isArray(node.content)) return;
    node.content.forEach((child, index) => visit(child, [...path, index]));
  };
  visit(doc, []);
  return found;
}

/** The document's footnotes block, if it has one (the last one wins if it has several). */
export function findFootnotesBlock(doc: JSONContent): JSONContent | undefined {
  const content: unknown = doc.content;
  if (!Array.isArray(content)) return undefined;
  return (
    (content as (JSONContent | null)[]).findLast((node) => node?.type === FOOTNOTES) ?? undefined
  );
}

/** Notes by id; on duplicate ids the first note wins, as in the renderer. */
export function collectNotes(doc: JSONContent): Map<string, JSONContent> {
  const notes = new Map<string, JSONContent>();
  const content: unknown = findFootnotesBlock(doc)?.content;
  for (const node of Array.isArray(content) ? (content as (JSONContent | null)[]) : []) {
    const id: unknown = node?.attrs?.id;
    if (node?.type === FOOTNOTE && typeof id === 'string' && !notes.has(id)) notes.set(id, node);
  }
  return notes;
}
