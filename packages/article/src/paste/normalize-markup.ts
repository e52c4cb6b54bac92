import { isLinkToKeep, isLostLink } from './pasted-links';
import { commentsUnder, elementsUnder, isBlank, isElement, isText, tagOf, unwrap } from './dom';
import { isBoldWeight, isItalicStyle, isNormalWeight, styleOf } from './inline-style';
import type { PasteNotices } from './paste-notices';

/** Never content: metadata, scripts and styles. */
const REMOVED = new Set([
  'head',
  'hr',
  'style',
  'script',
  'meta',
  'link',
  'title',
  'xml',
  'template',
]);
/**
 * Office's namespaced elements that hold no words of the document: a paragraph's end (`<o:p>`,
 * at most a no-break space), VML drawings (`<v:shape>`), smart tag declarations
 * (`<o:SmartTagType>`) and content-control properties (`<w:sdtPr>`). Every other namespaced
 * element (smart tags like `<st1:place>`, content controls like `<w:Sdt>`) wraps text.
 */
const EMPTY_NAMESPACED = /^(o:p|v:[\w-]+|o:smarttagtype|w:sdtpr)$/;
const UNWRAPPED = new Set(['span', 'font', 'div', 'section', 'article', 'center', 'main']);
/** Attributes our schema reads; everything else (style, class, lang, id, …) goes. */
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  ol: ['start'],
  img: ['src', 'alt'],
  sup: ['data-footnote-reference', 'data-note-id'],
};
const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Containers of blocks, where whitespace between children is only source formatting. */
const BLOCK_CONTAINERS = new Set(['div', 'ul', 'ol', 'li', 'blockquote']);
/** One spelling per mark, the one our schema writes. */
const RENAMED: Record<string, string> = { b: 'strong', i: 'em' };

export interface NormalizeOptions {
  /** The schema has an image node: keep `<img>`; otherwise they go, with a notice. */
  keepImages: boolean;
  /** A note's content: inline only, so no block is removed and every space counts. */
  inline?: boolean;
}

function wrapChildren(element: Element, tag: 'strong' | 'em'): void {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

/** Weight and slant written as styles (`font-weight:700`, `font-style:italic`) become marks. */
function stylesToMarks(body: Element): void {
  for (const element of elementsUnder(body)) {
    const style = styleOf(element);
    const tag = tagOf(element);
    const weight = style.get('font-weight');
    if ((tag === 'b' || tag === 'strong') && isNormalWeight(weight)) {
      // Google Docs' whole-clipboard <b style="font-weight:normal">, or a local "not bold".
      unwrap(element);
      continue;
    }
    if ((tag === 'i' || tag === 'em') && style.get('font-style') === 'normal') {
      unwrap(element);
      continue;
    }
    if (tag !== 'b' && tag !== 'strong' && isBoldWeight(weight)) wrapChildren(element, 'strong');
    if (tag !== 'i' && tag !== 'em' && isItalicStyle(style.get('font-style')))
      wrapChildren(element, 'em');
  }
}

/** Bookmarks (`<a name=_Toc…>`) and links we would not store keep only their words. */
function cleanLinks(body: Element, notices: PasteNotices): void {
  let lost = 0;
  for (const anchor of elementsUnder(body, 'a')) {
    if (isLinkToKeep(anchor)) continue;
    if (isLostLink(anchor)) lost++;
    unwrap(anchor);
  }
  if (lost > 0) notices.add('linksDropped', lost);
}

function stripAttributes(body: Element): void {
  for (const element of elementsUnder(body)) {
    const kept = KEPT_ATTRIBUTES[tagOf(element)] ?? [];
    for (const name of element.getAttributeNames())
      if (!kept.includes(name)) element.removeAttribute(name);
  }
}

function rename(element: Element, tag: string): void {
  const renamed = element.ownerDocument.createElement(tag);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.replaceWith(renamed);
}

const BLOCKS = new Set([...TEXT_BLOCKS, ...BLOCK_CONTAINERS]);
const isBlockOrEdge = (node: ChildNode | null) =>
  node === null || (isElement(node) && BLOCKS.has(tagOf(node)));

/**
 * Whitespace between blocks is source formatting; between inline nodes it is a space. The
 * neighbours come from the list of children (the one before: the last one kept), not from
 * previousSibling and nextSibling, which happy-dom finds by searching the parent's children:
 * quadratic in a body of many blocks.
 */
function removeLayoutWhitespace(body: Element): void {
  for (const container of [body, ...elementsUnder(body)]) {
    if (container !== body && !BLOCK_CONTAINERS.has(tagOf(container))) continue;
    const children = Array.from(container.childNodes);
    let previous: ChildNode | null = null;
    children.forEach((child, index) => {
      const layout =
        isText(child) &&
        isBlank(child.data) &&
        (isBlockOrEdge(previous) || isBlockOrEdge(children[index + 1] ?? null));
      if (layout) child.remove();
      else previous = child;
    });
  }
}

const hasContent = (block: Element) =>
  !isBlank(block.textContent) || block.querySelector('img, sup[data-footnote-reference]') !== null;

/**
 * Office's namespaced elements go, their words stay: a wrapper is replaced by its children. One
 * of the empty kinds is removed only while it holds nothing: the HTML parser does not honour `/>`
 * on unknown tags, so `<o:SmartTagType …/>` in Word's `<head>` stays open and the whole body
 * ends up inside it.
 */
function removeNamespacedElements(body: Element): void {
  for (const element of elementsUnder(body)) {
    const tag = tagOf(element);
    if (!tag.includes(':')) continue;
    if (EMPTY_NAMESPACED.test(tag) && !hasContent(element)) element.remove();
    else unwrap(element);
  }
}

/**
 * What every source shares once its own structures are converted: residue out, formatting in
 * the tags our schema reads, empty paragraphs gone.
 */
export function normalizeMarkup(
  body: Element,
  options: NormalizeOptions,
  notices: PasteNotices,
): void {
  for (const comment of commentsUnder(body)) comment.parentNode?.removeChild(comment);
  for (const element of elementsUnder(body)) {
    if (REMOVED.has(tagOf(element))) element.remove();
  }
  removeNamespacedElements(body);
  if (!options.keepImages) {
    const images = elementsUnder(body, 'img');
    if (images.length > 0) notices.add('imagesDropped');
    for (const image of images) image.remove();
  }
  // Chrome's marker for "the copy ended at a line end", not content.
  for (const br of elementsUnder(body, 'br.Apple-interchange-newline')) br.remove();
  stylesToMarks(body);
  cleanLinks(body, notices);
  for (const element of elementsUnder(body)) if (UNWRAPPED.has(tagOf(element))) unwrap(element);
  stripAttributes(body);
  for (const element of elementsUnder(body, 'b, i')) rename(element, RENAMED[tagOf(element)]!);
  if (options.inline) return;
  for (const block of elementsUnder(body)) {
    if (TEXT_BLOCKS.has(tagOf(block)) && !hasContent(block)) block.remove();
  }
  removeLayoutWhitespace(body);
}
