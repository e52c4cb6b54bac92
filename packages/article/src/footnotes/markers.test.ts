import { describe, expect, it } from 'vitest';
import { footnoteMarker } from './markers';

describe('footnoteMarker', () => {
  it('counts numerically from 1', () => {
    expect([0, 1, 2, 9].map((index) => footnoteMarker(index, 'numeric'))).toEqual([
      '1',
      '2',
      '3',
      '10',
    ]);
  });

  it('runs through the symbols, then doubles and triples them', () => {
    const markers = Array.from({ length: 14 }, (_, index) => footnoteMarker(index, 'symbols'));
    expect(markers).toEqual([
      '*',
      '†',
      '‡',
      '§',
      '‖',
      '¶',
      '**',
      '††',
      '‡‡',
      '§§',
      '‖‖',
      '¶¶',
      '***',
      '†††',
    ]);
  });
});
