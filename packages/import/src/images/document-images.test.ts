import { describe, expect, it } from 'vitest';
import { cleanAltText, DocumentImages, typeName } from './document-images';

describe('cleanAltText', () => {
  it('drops Word’s boilerplate, folds whitespace and mends broken Unicode', () => {
    expect(
      cleanAltText(
        'A boat on a road\n\nDescription automatically generated with medium confidence',
      ),
    ).toBe('A boat on a road');
    expect(cleanAltText('Broken \ud800 text')).toBe('Broken \ufffd text');
    expect(cleanAltText('Emoji 🌊 stays')).toBe('Emoji 🌊 stays');
  });
});

describe('typeName', () => {
  it('names a type as people do, from a content type or a file name', () => {
    expect(
      ['image/x-emf', 'image/x-wmf', 'image/svg+xml', 'images/a.svg', 'b.png', ''].map(typeName),
    ).toEqual(['EMF', 'WMF', 'SVG', 'SVG', 'PNG', 'unknown']);
  });
});

describe('DocumentImages', () => {
  it('refuses the picture that breaks a limit, and keeps refusing', () => {
    const images = new DocumentImages({ maxImages: 5, maxImageBytes: 10 });
    images.add(Buffer.alloc(6), 'a', 'PNG');
    expect(() => images.add(Buffer.alloc(5), 'b', 'PNG')).toThrow(/add up to more than 1 KB/);
    // mammoth swallows what its image hook throws: the refusal is kept for afterwards.
    expect(() => images.throwIfRefused()).toThrow(/add up to more than/);
  });
});
