import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { collectNotes, collectReferences } from './json-footnotes';
import {
  addNote,
  dropUnreferencedNotes,
  normalizeFootnotes,
  referenceNote,
} from './note-operations';
import { numberNotes } from './number-notes';
import { text } from './test-documents';

const NOTE_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** Arbitrary documents, including broken ones: dangling references, unused and duplicate notes. */
const inline = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }).map(text),
  fc.constantFrom(...NOTE_IDS).map((noteId) => ({ type: 'footnoteReference', attrs: { noteId } })),
);
const block = fc.oneof(
  fc.array(inline, { maxLength: 6 }).map((content) => ({ type: 'paragraph', content })),
  fc
    .array(inline, { maxLength: 4 })
    .map((content) => ({ type: 'blockquote', content: [{ type: 'paragraph', content }] })),
);
const anyDocument: fc.Arbitrary<JSONContent> = fc
  .record({
    body: fc.array(block, { minLength: 1, maxLength: 6 }),
    notes: fc.array(fc.constantFrom(...NOTE_IDS), { maxLength: 8 }),
  })
  .map(({ body, notes }) => ({
    type: 'doc',
    content: [
      ...body,
      ...(notes.length
        ? [
            {
              type: 'footnotes',
              content: notes.map((id) => ({
                type: 'footnote',
                attrs: { id },
                content: [text(id)],
              })),
            },
          ]
        : []),
    ],
  }));

/** Documents built only through the editing helpers, which must keep every invariant. */
type Edit =
  | { kind: 'add'; block: number; offset: number }
  | { kind: 'reference'; note: number; block: number; offset: number };
const edits = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('add' as const), block: fc.nat(), offset: fc.nat() }),
    fc.record({
      kind: fc.constant('reference' as const),
      note: fc.nat(),
      block: fc.nat(),
      offset: fc.nat(),
    }),
  ),
  { maxLength: 12 },
);

function applyEdits(list: Edit[]): JSONContent {
  let current: JSONContent = {
    type: 'doc',
    content: [0, 1, 2].map((index) => ({
      type: 'paragraph',
      content: [text(`paragraph ${index} text`)],
    })),
  };
  list.forEach((edit, step) => {
    const block = edit.block % 3;
    const size = collectSize(current.content?.[block]);
    const at = { path: [block], offset: edit.offset % (size + 1) };
    const ids = [...collectNotes(current).keys()];
    if (edit.kind === 'add')
      current = addNote(current, { id: `n${step}`, content: [text(`note ${step}`)] }, at);
    else if (ids.length)
      current = referenceNote(current, ids[edit.note % ids.length] as string, at);
  });
  return current;
}

function collectSize(block: JSONContent | undefined): number {
  return (block?.content ?? []).reduce(
    (sum, node) => sum + (node.type === 'text' ? (node.text ?? '').length : 1),
    0,
  );
}

describe('footnote properties', () => {
  it('markers are consecutive in order of first reference', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const notes = numberNotes(doc, 'numeric');
        expect(notes.map((n) => n.marker)).toEqual(notes.map((_, index) => String(index + 1)));
        const firstSeen = [...new Set(collectReferences(doc).map((r) => r.noteId))].filter((id) =>
          collectNotes(doc).has(id),
        );
        expect(notes.map((n) => n.id)).toEqual(firstSeen);
      }),
    );
  });

  it('dropUnreferencedNotes is idempotent and leaves only referenced notes', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const once = dropUnreferencedNotes(doc);
        expect(dropUnreferencedNotes(once)).toEqual(once);
        const referenced = new Set(collectReferences(once).map((r) => r.noteId));
        for (const id of collectNotes(once).keys()) expect(referenced.has(id)).toBe(true);
      }),
    );
  });

  it('normalizeFootnotes makes every reference resolve and is idempotent', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const normalized = normalizeFootnotes(doc);
        const notes = collectNotes(normalized);
        for (const reference of collectReferences(normalized))
          expect(notes.has(reference.noteId)).toBe(true);
        expect(normalizeFootnotes(normalized)).toEqual(normalized);
      }),
    );
  });

  it('documents built by addNote/referenceNote keep every invariant and fit the schema', () => {
    fc.assert(
      fc.property(edits, (list) => {
        const doc = applyEdits(list);
        const notes = collectNotes(doc);
        const references = collectReferences(doc);
        for (const reference of references) expect(notes.has(reference.noteId)).toBe(true);
        expect([...notes.keys()]).toEqual([...new Set(references.map((r) => r.noteId))]);
        expect(normalizeFootnotes(doc)).toEqual(doc);
        expect(() => getArticleSchema().nodeFromJSON(doc).check()).not.toThrow();
      }),
    );
  });
});
