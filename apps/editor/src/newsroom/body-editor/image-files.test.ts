import { getArticleSchema } from '@newsroom/article';
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';
import { describe, expect, it } from 'vitest';
import { imageInsertPosition } from './image-files';

describe('imageInsertPosition', () => {
  const document = getArticleSchema().nodeFromJSON(
    doc([paragraph(text('First'), ref('n1')), paragraph(text('Second'))], [note('n1', 'A note')]),
  );
  // First paragraph: 0..8 (open, 5 letters, reference, close); second: 8..16; notes after.
  it('puts the image after the paragraph the caret is in, never inside it', () => {
    expect(imageInsertPosition(document, 3)).toBe(8);
    expect(imageInsertPosition(document, 10)).toBe(16);
    expect(imageInsertPosition(document, 8)).toBe(8);
  });

  it('puts it before the notes when the caret is in a note, and clamps wild positions', () => {
    expect(imageInsertPosition(document, 19)).toBe(16);
    expect(imageInsertPosition(document, 10_000)).toBe(16);
  });
});
