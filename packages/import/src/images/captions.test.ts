import { describe, expect, it } from 'vitest';
import { openNodeHtmlParser } from '../node-html-parser';
import { attachCaptions } from './captions';
import { DocumentImages } from './document-images';

function withImages(html: (ref: string) => string) {
  const images = new DocumentImages({ maxImages: 10, maxImageBytes: 1000 });
  const ref = images.add(Buffer.from('x'), '', 'PNG');
  const { parseHtml, close } = openNodeHtmlParser();
  const doc = parseHtml(html(ref));
  attachCaptions(doc, images, 'document-caption');
  return { caption: images.get(ref)!.caption, body: doc.body.innerHTML, close };
}

describe('attachCaptions', () => {
  it('takes a Caption paragraph right after a picture-only paragraph, out of the text', async () => {
    const result = withImages(
      (ref) =>
        `<p><img src="${ref}"></p><p class="document-caption">Figure 1:  The  dam</p><p>Text</p>`,
    );
    expect(result.caption).toBe('Figure 1: The dam');
    expect(result.body).not.toContain('Figure 1');
    await result.close();
  });

  it('leaves Caption paragraphs it cannot tie to one picture as text', async () => {
    for (const html of [
      (ref: string) => `<p>Words <img src="${ref}"></p><p class="document-caption">Beside text</p>`,
      (ref: string) =>
        `<p><img src="${ref}"></p><p>Between</p><p class="document-caption">Later</p>`,
      () => `<p class="document-caption">No picture at all</p>`,
    ]) {
      const result = withImages(html);
      expect(result.caption).toBe('');
      expect(result.body).toContain('class="document-caption"');
      await result.close();
    }
  });
});
