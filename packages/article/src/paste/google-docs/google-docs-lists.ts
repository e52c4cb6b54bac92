import { elementsUnder, tagOf } from '../dom';
import { inlineContentOf } from '../linked-notes';
import { type FlatListItem, nestListItems } from '../list-nesting';

const isList = (element: Element | null): boolean =>
  !!element && (tagOf(element) === 'ul' || tagOf(element) === 'ol');

/** The export writes one flat list per level, classed `lst-kix_<id>-<level from 0>`. */
function exportLevel(list: Element): number | undefined {
  const match = /(?:^|\s)lst-kix_\w+-(\d+)(?:\s|$)/.exec(list.getAttribute('class') ?? '');
  return match ? Number(match[1]) + 1 : undefined;
}

function ariaLevel(item: Element): number | undefined {
  const level = Number(item.getAttribute('aria-level'));
  return Number.isInteger(level) && level > 0 ? level : undefined;
}

function flatten(list: Element, depth: number, items: FlatListItem[]): void {
  const ordered = tagOf(list) === 'ol';
  for (const child of Array.from(list.children)) {
    if (isList(child)) {
      // The clipboard nests a sub-list directly in the list, not in an item.
      flatten(child, depth + 1, items);
      continue;
    }
    if (tagOf(child) !== 'li') continue;
    const nested = Array.from(child.children).filter(isList);
    for (const sub of nested) sub.remove();
    items.push({
      level: ariaLevel(child) ?? exportLevel(list) ?? depth,
      ordered,
      content: Array.from(inlineContentOf(child).childNodes),
    });
    for (const sub of nested) flatten(sub, depth + 1, items);
  }
}

/**
 * Google Docs lists, whichever way they come (items with `aria-level`, sub-lists as siblings
 * of items, one flat list per level in the export), rebuilt as properly nested lists.
 */
export function convertGoogleDocsLists(doc: Document): void {
  const done = new Set<Element>();
  for (const first of elementsUnder(doc.body, 'ul, ol')) {
    if (done.has(first) || isList(first.parentElement) || first.closest('li')) continue;
    const run: Element[] = [];
    for (let node: Element | null = first; node && isList(node); node = node.nextElementSibling)
      run.push(node);
    const items: FlatListItem[] = [];
    for (const list of run) {
      done.add(list);
      flatten(list, 1, items);
    }
    for (const list of nestListItems(doc, items)) first.before(list);
    for (const list of run) list.remove();
  }
}
