import { describe, expect, it } from 'vitest';
import { numberNotes } from './number-notes';
import { doc, note, paragraph, ref, text } from './test-documents';

describe('numberNotes', () => {
  it('orders notes by first reference, not by their place in the notes block', () => {
    const article = doc(
      [paragraph(text('a'), ref('b')), paragraph(ref('a'), text('c'), ref('b'))],
      [note('a'), note('b')],
    );
    const notes = numberNotes(article, 'numeric');
    expect(notes.map(({ id, number, marker }) => ({ id, number, marker }))).toEqual([
      { id: 'b', number: 1, marker: '1' },
      { id: 'a', number: 2, marker: '2' },
    ]);
    expect(notes[0]?.references.map((reference) => reference.path)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('uses symbols when asked', () => {
    const article = doc([paragraph(ref('x'), ref('y'))], [note('x'), note('y')]);
    expect(numberNotes(article, 'symbols').map((n) => n.marker)).toEqual(['*', '†']);
  });

  it('skips unreferenced notes and references to missing notes', () => {
    const article = doc([paragraph(ref('ghost'), ref('real'))], [note('unused'), note('real')]);
    expect(numberNotes(article, 'numeric').map((n) => [n.id, n.number])).toEqual([['real', 1]]);
  });

  it('finds references in nested blocks', () => {
    const article = doc([{ type: 'blockquote', content: [paragraph(ref('q'))] }], [note('q')]);
    expect(numberNotes(article, 'numeric')).toHaveLength(1);
  });

  it('survives garbage', () => {
    expect(
      numberNotes(
        { type: 'doc', content: [null as never, { type: 'x', content: 'no' as never }] },
        'numeric',
      ),
    ).toEqual([]);
  });
});
