import { describe, expect, it } from 'vitest';
import { collabUserOf, colorFor, safeColor } from './collab-user';

describe('colours other people announce', () => {
  it('keeps the colours this app gives people', () => {
    for (const id of ['cmx1', 'cmx29bl0d000y6x7db7wkrw23', 'someone else'])
      expect(safeColor(colorFor(id))).toBe(colorFor(id));
  });

  it('replaces anything else, so no announced value reaches a style attribute', () => {
    for (const announced of [
      'red; background-image: url(http://127.0.0.1:9/leak); x:',
      'hsl(10 70% 38%); background: url(x)',
      'url(javascript:alert(1))',
      'expression(alert(1))',
      '#fff',
      '',
      42,
      undefined,
      { toString: () => 'red' },
    ])
      expect(safeColor(announced)).toBe('#555');
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
