import { getArticleSchema } from '@newsroom/article';
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';
import { describe, expect, it } from 'vitest';
import { imageFileFromHtml, imageInsertPosition } from './image-files';

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

describe('imageFileFromHtml', () => {
  const png1x1 =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

  it('turns a lone data: URL picture into the file it carries', async () => {
    const file = imageFileFromHtml(
      `<meta charset="utf-8"><img alt="x" src="data:image/png;base64,${png1x1}">`,
    );
    expect(file).toMatchObject({ type: 'image/png', name: 'pasted-image.png' });
    const bytes = new Uint8Array(await file!.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('leaves everything else to the normal paste', () => {
    expect(imageFileFromHtml('<img src="file:///C:/Users/me/clip_image001.png">')).toBeNull();
    expect(imageFileFromHtml('<img src="https://example.com/a.png">')).toBeNull();
    expect(imageFileFromHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBeNull();
    expect(
      imageFileFromHtml(
        `<img src="data:image/png;base64,${png1x1}"><img src="data:image/png;base64,${png1x1}">`,
      ),
    ).toBeNull();
    expect(imageFileFromHtml('<img src="data:image/png;base64,@@@">')).toBeNull();
  });
});
