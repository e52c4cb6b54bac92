import { IMAGE_LIMITS, type ImageAttributes } from '@newsroom/article';
import { elementsUnder, isBlankText } from './dom-helpers';

const TEXT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

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

/** A text block left holding only pictures is replaced by them (no empty paragraph around). */
function unwrapPictureOnlyBlock(block: Element | null): void {
  if (!block || !TEXT_BLOCKS.has(block.tagName) || !isBlankText(block.textContent)) return;
  const onlyFigures = Array.from(block.childNodes).every(
    (child) =>
      (child.nodeType === 1 && ['FIGURE', 'BR'].includes((child as Element).tagName)) ||
      (child.nodeType === 3 && isBlankText(child.textContent)),
  );
  if (!onlyFigures) return;
  block.replaceWith(...elementsUnder(block, 'figure'));
}

/**
 * Every `<img>` of the cleaned body becomes the image node of its stored picture, where it
 * stood; an `<img>` with no stored picture (refused, or never in the file) goes.
 */
export function placeImages(body: Element, stored: ReadonlyMap<string, ImageAttributes>): void {
  for (const img of elementsUnder(body, 'img')) {
    const attrs = stored.get(img.getAttribute('src') ?? '');
    const block = img.parentElement;
    if (attrs) img.replaceWith(figureFor(body.ownerDocument, attrs));
    else img.remove();
    if (block && block !== body) unwrapPictureOnlyBlock(block);
  }
}

/** Texts cut to what an image node holds, for documents with overlong descriptions. */
export const fitImageText = (text: string, max: number = IMAGE_LIMITS.maxAltLength) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
