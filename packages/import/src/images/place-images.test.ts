import type { ImageAttributes } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import { openNodeHtmlParser } from '../node-html-parser';
import { placeImages } from './place-images';

const attrs = (imageId: string): ImageAttributes => ({
  imageId,
  alt: 'Alt',
  caption: '',
  credit: '',
  width: 10,
  height: 10,
});

async function placed(html: string) {
  const { parseHtml, close } = openNodeHtmlParser();
  const body = parseHtml(`<div>${html}</div>`).body.firstElementChild!;
  placeImages(
    body,
    new Map([
      ['r1', attrs('imageone1')],
      ['r2', attrs('imagetwo2')],
    ]),
  );
  const result = body.innerHTML.replace(/ data-(alt|caption|credit|width|height)="[^"]*"/g, '');
  await close();
  return result;
}

describe('placeImages', () => {
  it('replaces a paragraph holding only pictures (even linked ones) by the pictures', async () => {
    expect(await placed('<p><a href="https://x.test"><img src="r1"></a><img src="r2"></p>')).toBe(
      '<figure data-image-id="imageone1"></figure><figure data-image-id="imagetwo2"></figure>',
    );
  });

  it('keeps text, note references and the place of pictures beside them; drops unknown ones', async () => {
    expect(await placed('<p>Before <img src="r1"> after</p>')).toBe(
      '<p>Before <figure data-image-id="imageone1"></figure> after</p>',
    );
    expect(
      await placed('<p><img src="r1"><sup data-footnote-reference="" data-note-id="n1"></sup></p>'),
    ).toContain('data-footnote-reference');
    expect(await placed('<p>Text</p><p><img src="elsewhere"></p>')).toBe('<p>Text</p>');
  });
});
