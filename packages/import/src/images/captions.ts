import { IMAGE_LIMITS } from '@newsroom/article';
import { elementsUnder, isBlankText } from './dom-helpers';
import type { DocumentImages } from './document-images';

/**
 * Word's "Insert Caption" writes a paragraph in the Caption style right after the picture's
 * own paragraph. Only that shape is taken as a caption: a Caption paragraph whose previous
 * block holds pictures and no text goes to the last of those pictures (and out of the body).
 * Any other Caption paragraph stays ordinary text: a wrong guess would hide words.
 */
export function attachCaptions(doc: Document, images: DocumentImages, captionClass: string): void {
  for (const paragraph of elementsUnder(doc.body, `p.${captionClass}`)) {
    const previous = paragraph.previousElementSibling;
    if (!previous || !isBlankText(previous.textContent)) continue;
    const image = images.get(elementsUnder(previous, 'img').at(-1)?.getAttribute('src') ?? null);
    const text = paragraph.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!image || image.caption || !text || text.length > IMAGE_LIMITS.maxCaptionLength) continue;
    image.caption = text;
    paragraph.remove();
  }
}
