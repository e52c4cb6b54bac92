import { describe, expect, it } from 'vitest';
import { openNodeHtmlParser } from '../node-html-parser';
import { attachCaptions, splitCredit } from './captions';
import { DocumentImages } from './document-images';

function withImages(html: (ref: string) => string) {
  const images = new DocumentImages({ maxImages: 10, maxImageBytes: 1000 });
  const ref = images.add(Buffer.from('x'), '', 'PNG');
  const { parseHtml, close } = openNodeHtmlParser();
  const doc = parseHtml(html(ref));
  attachCaptions(doc, images, 'document-caption');
  const { caption, credit } = images.get(ref)!;
  return { caption, credit, body: doc.body.innerHTML, close };
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

  it('takes the caption and its credit without control characters', async () => {
    const result = withImages(
      (ref) =>
        `<p><img src="${ref}"></p><p class="document-caption">The&#1; dam. Photo: Ann&#27; Lens</p>`,
    );
    expect(result).toMatchObject({ caption: 'The dam', credit: 'Ann Lens' });
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

describe('splitCredit', () => {
  it('takes a credit written at the end of the caption', () => {
    expect(splitCredit('Flood water on Market Street. Photo: Ann Lens / Agency')).toEqual({
      caption: 'Flood water on Market Street',
      credit: 'Ann Lens / Agency',
    });
    expect(splitCredit('The dam at dawn (Picture by Cy Drone)')).toEqual({
      caption: 'The dam at dawn',
      credit: 'Cy Drone',
    });
    expect(splitCredit('Figure 2: Levels — Credit: Environment Agency')).toEqual({
      caption: 'Figure 2: Levels',
      credit: 'Environment Agency',
    });
  });

  it('leaves captions without an explicit credit alone', () => {
    for (const text of [
      'Photographers gathered at the gate',
      'A photo of the bridge',
      'Images of the flood were shared widely',
    ])
      expect(splitCredit(text)).toEqual({ caption: text, credit: '' });
  });
});
