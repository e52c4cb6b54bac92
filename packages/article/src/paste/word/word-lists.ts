import { elementsUnder, tagOf } from '../dom';
import { parseStyle, styleOf } from '../inline-style';
import { type FlatListItem, nestListItems } from '../list-nesting';

/** `mso-list:l0 level2 lfo1`: list l0, level 2. */
const MSO_LIST_VALUE = /^(l\d+)\s+level(\d+)/i;
/** `@list l0:level1 { … }` rules in Word's `<style>` block. */
const LIST_RULE = /@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi;
/** A marker that counts: 1. 1) (a) iv. B) … */
const ORDERED_MARKER = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]/i;

interface ListPlace {
  list: string;
  level: number;
}

/** `listId:level` → the level's `mso-level-number-format` ('' when the rule names none). */
export function wordListFormats(doc: Document): Map<string, string> {
  const formats = new Map<string, string>();
  for (const style of elementsUnder(doc, 'style')) {
    for (const [, list, level, body] of (style.textContent ?? '').matchAll(LIST_RULE)) {
      const format = parseStyle(body).get('mso-level-number-format') ?? '';
      formats.set(`${list!.toLowerCase()}:${level}`, format.toLowerCase());
    }
  }
  return formats;
}

function listPlace(element: Element): ListPlace | null {
  if (tagOf(element) !== 'p') return null;
  const match = MSO_LIST_VALUE.exec(styleOf(element).get('mso-list') ?? '');
  return match ? { list: match[1]!.toLowerCase(), level: Number(match[2]) } : null;
}

const isIgnoredMarker = (element: Element) =>
  (styleOf(element).get('mso-list') ?? '').toLowerCase() === 'ignore';

/** Removes the marker Word writes for browsers without list support; returns its text. */
function takeMarker(paragraph: Element): string {
  const marker = elementsUnder(paragraph, 'span').find(isIgnoredMarker);
  if (!marker) return '';
  const text = (marker.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  marker.remove();
  return text;
}

/**
 * Numbered or bulleted: the `@list` rule decides (Word always writes `bullet` for bullets and
 * leaves decimal implicit); without a style block, the marker Word printed does.
 */
function isOrdered(place: ListPlace, marker: string, formats: Map<string, string>): boolean {
  const format = formats.get(`${place.list}:${place.level}`);
  if (format !== undefined) return format !== 'bullet' && format !== 'image';
  return ORDERED_MARKER.test(marker);
}

/** Word's list paragraphs (`mso-list` with a level) become nested `<ul>`/`<ol>`. */
export function convertWordLists(doc: Document, formats: Map<string, string>): void {
  const done = new Set<Element>();
  for (const first of elementsUnder(doc.body, 'p')) {
    if (done.has(first) || !listPlace(first)) continue;
    const run: Element[] = [];
    for (let node: Element | null = first; node && listPlace(node); node = node.nextElementSibling)
      run.push(node);
    const items: FlatListItem[] = run.map((paragraph) => {
      done.add(paragraph);
      const place = listPlace(paragraph)!;
      const marker = takeMarker(paragraph);
      return {
        level: place.level,
        ordered: isOrdered(place, marker, formats),
        content: Array.from(paragraph.childNodes),
      };
    });
    for (const list of nestListItems(doc, items)) first.before(list);
    for (const paragraph of run) paragraph.remove();
  }
}

/** Numbered headings carry a list marker too: it goes, the heading stays a heading. */
export function removeStrayListMarkers(doc: Document): void {
  for (const marker of elementsUnder(doc.body, 'span').filter(isIgnoredMarker)) marker.remove();
}
