import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textEdit, type TextEdit } from './text-edit';

const apply = (text: string, edit: TextEdit | null) =>
  edit ? text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove) : text;

describe('textEdit', () => {
  it('is one insert where a letter was typed', () => {
    expect(textEdit('Storm coast', 'Storm at coast')).toEqual({
      index: 6,
      remove: 0,
      insert: 'at ',
    });
  });

  it('is one delete where letters were removed, and nothing for no change', () => {
    expect(textEdit('Storm at coast', 'Storm coast')).toEqual({ index: 6, remove: 3, insert: '' });
    expect(textEdit('same', 'same')).toBeNull();
  });

  it('replaces a selection in one step', () => {
    expect(textEdit('A big storm', 'A huge storm')).toEqual({
      index: 2,
      remove: 3,
      insert: 'huge',
    });
  });

  it('never cuts an emoji in two', () => {
    // 😀 and 😃 share their high surrogate: the edit takes the whole letter.
    expect(textEdit('a😀b', 'a😃b')).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('turns any string into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(apply(a, textEdit(a, b))).toBe(b);
      }),
    );
  });
});
