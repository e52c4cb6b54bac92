import { elementsUnder, IMAGE_LIMITS, withoutControlCharacters } from '@newsroom/article';
import { isBlankText, wellFormed } from './dom-helpers';
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
    // Control characters go, as from the body text: the upload would refuse them.
    const text = withoutControlCharacters(wellFormed(paragraph.textContent ?? ''))
      .replace(/\s+/g, ' ')
      .trim();
    if (!image || image.caption || !text || text.length > IMAGE_LIMITS.maxCaptionLength) continue;
    const { caption, credit } = splitCredit(text);
    image.caption = caption;
    image.credit = credit;
    paragraph.remove();
  }
}

/**
 * A credit written at the end of a caption the way newsrooms write it, "… Photo: Ann Lens /
 * Agency" or "(Picture by Ann Lens)", becomes the credit; anything less explicit stays caption.
 */
const CREDIT_AT_END =
  /^(.*?)[\s.,;–—-]*[([]?\b(?:photo(?:graph)?|picture|image|credit|foto)s?(?:\s*:|\s+by\b)\s*([^()[\]]+?)[)\]]?\s*$/i;

export function splitCredit(text: string): { caption: string; credit: string } {
  const match = CREDIT_AT_END.exec(text);
  const credit = match?.[2]?.trim() ?? '';
  if (!match || !credit || credit.length > IMAGE_LIMITS.maxCreditLength)
    return { caption: text, credit: '' };
  return { caption: match[1]!.trim(), credit };
}
