import { describe, expect, it } from 'vitest';
import { ALT_TEXT_NEEDED, imagesNeedingAltText, needsAltText } from './alt-text-needed';

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
  });
});
