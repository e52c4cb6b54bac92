import { describe, expect, it } from 'vitest';
import { collectNotes, collectReferences } from './json-footnotes';
import {
  addNote,
  dropUnreferencedNotes,
  normalizeFootnotes,
  referenceNote,
} from './note-operations';
import { doc, note, paragraph, ref, text } from './test-documents';

const noteIds = (d: Parameters<typeof collectNotes>[0]) => [...collectNotes(d).keys()];

describe('addNote', () => {
  it('splits text at the offset and creates the notes block', () => {
    const result = addNote(
      doc([paragraph(text('Taliban-affiliated'))]),
      { id: 'n1', content: [text('Outlawed.')] },
      { path: [0], offset: 7 },
    );
    expect(result).toEqual(
      doc(
        [paragraph(text('Taliban'), ref('n1'), text('-affiliated'))],
        [{ type: 'footnote', attrs: { id: 'n1' }, content: [text('Outlawed.')] }],
      ),
    );
  });

  it('places the new note by the position of its reference', () => {
    const start = doc([paragraph(text('abc'), ref('late'))], [note('late')]);
    const result = addNote(start, { id: 'early', content: [] }, { path: [0], offset: 1 });
    expect(noteIds(result)).toEqual(['early', 'late']);
  });

  it('refuses a duplicate id without touching the input', () => {
    const start = doc([paragraph(ref('a'))], [note('a')]);
    const copy = structuredClone(start);
    expect(() => addNote(start, { id: 'a', content: [] }, { path: [0], offset: 0 })).toThrow(
      /already exists/,
    );
    expect(start).toEqual(copy);
  });
});

describe('referenceNote', () => {
  it('adds a second reference and renumbers when it comes first', () => {
    const start = doc([paragraph(text('xy'), ref('a'), ref('b'))], [note('a'), note('b')]);
    const result = referenceNote(start, 'b', { path: [0], offset: 0 });
    expect(collectReferences(result).map((r) => r.noteId)).toEqual(['b', 'a', 'b']);
    expect(noteIds(result)).toEqual(['b', 'a']);
  });

  it('rejects a missing note', () => {
    expect(() => referenceNote(doc([paragraph()]), 'nope', { path: [0], offset: 0 })).toThrow(
      /does not exist/,
    );
  });
});

describe('dropUnreferencedNotes', () => {
  it('removes notes nobody references', () => {
    const result = dropUnreferencedNotes(doc([paragraph(ref('a'))], [note('a'), note('b')]));
    expect(noteIds(result)).toEqual(['a']);
  });

  it('removes the block once it is empty', () => {
    const result = dropUnreferencedNotes(doc([paragraph(text('x'))], [note('a')]));
    expect(result).toEqual(doc([paragraph(text('x'))]));
  });

  it('returns the same object when nothing changes', () => {
    const start = doc([paragraph(ref('a'))], [note('a')]);
    expect(dropUnreferencedNotes(start)).toBe(start);
  });
});

describe('normalizeFootnotes', () => {
  it('drops dangling references, dedupes notes and moves the block last', () => {
    const messy = {
      type: 'doc',
      content: [
        { type: 'footnotes', content: [note('b'), note('a'), note('a', 'dup')] },
        paragraph(ref('a'), ref('ghost'), ref('b')),
      ],
    };
    expect(normalizeFootnotes(messy)).toEqual(
      doc([paragraph(ref('a'), ref('b'))], [note('a'), note('b')]),
    );
  });
});
