import { describe, expect, it } from 'vitest';
import { collabUserOf, colorFor, hexOfHsl, safeColor } from './collab-user';

describe('the colour each person is shown in', () => {
  const ids = ['cmx1', 'cmx29bl0d000y6x7db7wkrw23', 'someone else', 'other', ''];

  it('is #rrggbb, the one format y-tiptap draws carets in without a warning each time', () => {
    for (const id of ids) expect(colorFor(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('stays the same for a person and differs between people', () => {
    expect(colorFor('cmx1')).toBe(colorFor('cmx1'));
    expect(new Set(ids.map(colorFor)).size).toBe(ids.length);
  });

  it('converts hsl() as CSS does', () => {
    expect(hexOfHsl(0, 0.7, 0.38)).toBe('#a51d1d');
    expect(hexOfHsl(120, 1, 0.5)).toBe('#00ff00');
    expect(hexOfHsl(240, 1, 0.25)).toBe('#000080');
    expect(hexOfHsl(210, 0.5, 0.6)).toBe('#6699cc');
    expect(hexOfHsl(300, 0, 1)).toBe('#ffffff');
  });
});

describe('colours other people announce', () => {
  it('keeps the colours this app gives people', () => {
    for (const id of ['cmx1', 'cmx29bl0d000y6x7db7wkrw23', 'someone else'])
      expect(safeColor(colorFor(id))).toBe(colorFor(id));
  });

  it('replaces anything else, so no announced value reaches a style attribute', () => {
    for (const announced of [
      'red; background-image: url(http://127.0.0.1:9/leak); x:',
      'hsl(10 70% 38%); background: url(x)',
      'hsl(10 70% 38%)',
      '#A51D1D; x',
      'url(javascript:alert(1))',
      'expression(alert(1))',
      '#fff',
      '',
      42,
      undefined,
      { toString: () => 'red' },
    ])
      expect(safeColor(announced)).toBe('#555555');
  });
});

describe('who someone is to the others', () => {
  it('is their staff name and their colour', () => {
    expect(collabUserOf({ id: 'cmx1', name: 'Ada Editor' })).toEqual({
      name: 'Ada Editor',
      color: colorFor('cmx1'),
    });
  });
});
