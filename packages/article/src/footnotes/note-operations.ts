import type { JSONContent } from '@tiptap/core';
import { insertInline, type InlinePosition } from './insert-inline';
import { collectNotes, collectReferences } from './json-footnotes';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from './names';

export interface NewNote {
  id: string;
  /** Inline content of the note: text with bold, italic or link marks. */
  content: JSONContent[];
}

function withoutDanglingReferences(node: JSONContent, noteIds: ReadonlySet<string>): JSONContent {
  if (!Array.isArray(node.content) || node.type === FOOTNOTES) return node;
  let changed = false;
  const content: JSONContent[] = [];
  for (const child of node.content) {
    if (child.type === FOOTNOTE_REFERENCE && !noteIds.has(String(child.attrs?.noteId))) {
      changed = true;
      continue;
    }
    const next = withoutDanglingReferences(child, noteIds);
    if (next !== child) changed = true;
    content.push(next);
  }
  return changed ? { ...node, content } : node;
}

function withNotesBlock(doc: JSONContent, notes: JSONContent[]): JSONContent {
  const body = (doc.content ?? []).filter((node) => node.type !== FOOTNOTES);
  return { ...doc, content: notes.length ? [...body, { type: FOOTNOTES, content: notes }] : body };
}

/** Removes notes that no reference points at, and the notes block once it is empty. */
export function dropUnreferencedNotes(doc: JSONContent): JSONContent {
  const referenced = new Set(collectReferences(doc).map((reference) => reference.noteId));
  const notes = [...collectNotes(doc).values()];
  const kept = notes.filter((note) => referenced.has(String(note.attrs?.id)));
  const hasBlock = (doc.content ?? []).some((node) => node.type === FOOTNOTES);
  if (kept.length === notes.length && (kept.length > 0 || !hasBlock)) return doc;
  return withNotesBlock(doc, kept);
}

/**
 * Restores every footnote invariant on a JSON document: references to missing notes removed,
 * unreferenced and duplicate notes removed, notes ordered by first reference, one notes block,
 * last. The editor plugin keeps the same invariants on live documents.
 */
export function normalizeFootnotes(doc: JSONContent): JSONContent {
  const notes = collectNotes(doc);
  const body = withoutDanglingReferences(doc, new Set(notes.keys()));
  const order = [...new Set(collectReferences(body).map((reference) => reference.noteId))];
  return withNotesBlock(
    body,
    order.flatMap((id) => notes.get(id) ?? []),
  );
}

/** Adds a note and a reference to it at `at`; the note takes its place in reference order. */
export function addNote(doc: JSONContent, note: NewNote, at: InlinePosition): JSONContent {
  if (collectNotes(doc).has(note.id)) throw new Error(`note '${note.id}' already exists`);
  const withReference = insertInline(doc, at, {
    type: FOOTNOTE_REFERENCE,
    attrs: { noteId: note.id },
  });
  const notes = [
    ...collectNotes(doc).values(),
    { type: FOOTNOTE, attrs: { id: note.id }, content: note.content },
  ];
  return normalizeFootnotes(withNotesBlock(withReference, notes));
}

/** Adds another reference to an existing note; the first reference still decides its number. */
export function referenceNote(doc: JSONContent, noteId: string, at: InlinePosition): JSONContent {
  if (!collectNotes(doc).has(noteId)) throw new Error(`note '${noteId}' does not exist`);
  return normalizeFootnotes(insertInline(doc, at, { type: FOOTNOTE_REFERENCE, attrs: { noteId } }));
}
