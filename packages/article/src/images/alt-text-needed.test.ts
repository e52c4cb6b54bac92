import { describe, expect, it } from 'vitest';
import {
  ALT_TEXT_NEEDED,
  altTextNeededMessage,
  imagesNeedingAltText,
  needsAltText,
} from './alt-text-needed';

const image = (alt: string) => ({
  type: 'image',
  attrs: { imageId: 'abcdefgh12', alt, caption: '', credit: '', width: 10, height: 10 },
});

describe('images waiting for alt text', () => {
  it('finds the placeholder (and blank alt) in document order, not real descriptions', () => {
    const doc = {
      type: 'doc',
      content: [
        image('A ferry at dawn'),
        { type: 'blockquote', content: [image(ALT_TEXT_NEEDED)] },
        image(` ${ALT_TEXT_NEEDED} `),
        image('Alt text needed for nothing: a real description'),
      ],
    };
    expect(imagesNeedingAltText(doc)).toEqual([2, 3]);
    expect(needsAltText('')).toBe(true);
    expect(needsAltText('Protesters outside parliament')).toBe(false);
    // Nothing anyone could read, or the placeholder in another case.
    for (const nothing of [
      '\u200b',
      ' \u200b\u00a0',
      '\u2060\ufeff',
      '\u2800',
      '\u115f\u3164',
      'alt text needed',
    ])
      expect(needsAltText(nothing)).toBe(true);
    for (const something of ['3', '—', '€', 'Ø']) expect(needsAltText(something)).toBe(false);
  });

  it('says which images need it', () => {
    expect(altTextNeededMessage([3])).toBe(
      'Image 3 of the article has no alt text: describe it with “Edit image” before publishing',
    );
    expect(altTextNeededMessage([1, 2, 4])).toBe(
      'Images 1, 2 and 4 of the article have no alt text: describe each with “Edit image” before publishing',
    );
  });
});
