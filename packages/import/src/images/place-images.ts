import { elementsUnder, IMAGE_LIMITS, type ImageAttributes } from '@newsroom/article';
import { isBlankText } from './dom-helpers';

/** The blocks a picture can stand in; inline wrappers inside them do not count. */
const TEXT_BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6';

/** The image node's own HTML (see the article schema's Image.parseHTML). */
function figureFor(doc: Document, attrs: ImageAttributes): Element {
  const figure = doc.createElement('figure');
  figure.setAttribute('data-image-id', attrs.imageId);
  figure.setAttribute('data-alt', attrs.alt);
  figure.setAttribute('data-caption', attrs.caption);
  figure.setAttribute('data-credit', attrs.credit);
  figure.setAttribute('data-width', String(attrs.width));
  figure.setAttribute('data-height', String(attrs.height));
  return figure;
}

/**
 * A text block left holding pictures and no text is replaced by them, so no empty paragraph
 * stays around a picture. Inline wrappers go with it (a link on a picture: an image node has
 * none); a picture beside text is left for the schema's parser to lift out of the paragraph.
 */
function unwrapPictureOnlyBlock(block: Element): void {
  // Still to place (more pictures), or content without text (a note reference): not yet.
  if (!isBlankText(block.textContent) || block.querySelector('img, sup[data-footnote-reference]'))
    return;
  block.replaceWith(...elementsUnder(block, 'figure'));
}

/**
 * Every `<img>` of the cleaned body becomes the image node of its stored picture, where it
 * stood; an `<img>` with no stored picture (refused, or never in the file) goes.
 */
export function placeImages(body: Element, stored: ReadonlyMap<string, ImageAttributes>): void {
  for (const img of elementsUnder(body, 'img')) {
    const attrs = stored.get(img.getAttribute('src') ?? '');
    const block = img.parentElement?.closest(TEXT_BLOCK_SELECTOR) ?? null;
    if (attrs) img.replaceWith(figureFor(body.ownerDocument, attrs));
    else img.remove();
    if (block && body.contains(block)) unwrapPictureOnlyBlock(block);
  }
}

/** Texts cut to what an image node holds, for documents with overlong descriptions. */
export const fitImageText = (text: string, max: number = IMAGE_LIMITS.maxAltLength) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
