import type { JSONContent } from '@tiptap/core';
import {
  DOMParser as ProseMirrorDOMParser,
  Fragment,
  type Node as ProseMirrorNode,
  type ResolvedPos,
  type Schema,
  type Slice,
} from '@tiptap/pm/model';
import { FOOTNOTE, FOOTNOTES } from '../footnotes/names';
import type { CleanedHtml } from './clean-pasted-html';

/** The cleaned body as a slice for the place it is pasted at. */
export function parseCleanedBody(cleaned: CleanedHtml, schema: Schema, at?: ResolvedPos): Slice {
  return ProseMirrorDOMParser.fromSchema(schema).parseSlice(cleaned.body, {
    ...(at && { context: at }),
  });
}

/** The cleaned notes as footnote nodes of `schema`. */
export function parseCleanedNotes(cleaned: CleanedHtml, schema: Schema): ProseMirrorNode[] {
  const parser = ProseMirrorDOMParser.fromSchema(schema);
  const footnote = schema.nodes[FOOTNOTE]!;
  return cleaned.notes.map((note) =>
    parser.parse(note.content, { topNode: footnote.create({ id: note.id }) }),
  );
}

/** A whole article document: the body's blocks, then the notes block (for imports). */
export function cleanedToDocument(cleaned: CleanedHtml, schema: Schema): JSONContent {
  const body = ProseMirrorDOMParser.fromSchema(schema).parse(cleaned.body);
  const notes = parseCleanedNotes(cleaned, schema);
  const doc =
    notes.length === 0
      ? body
      : body.copy(body.content.append(Fragment.from(schema.nodes[FOOTNOTES]!.create(null, notes))));
  doc.check();
  return doc.toJSON() as JSONContent;
}
