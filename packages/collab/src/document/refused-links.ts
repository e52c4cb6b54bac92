import { refusedLinkProblem, relatedRepairs } from '@newsroom/article';
import * as Y from 'yjs';
import { bodyFragment, isRelatedValue, relatedArray } from './article-ydoc';

/** y-tiptap's attribute for a link mark: `link`, or `link--<hash>` for marks that may overlap. */
const isLinkAttribute = (name: string) => name === 'link' || name.startsWith('link--');

const hrefOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { href?: unknown }).href : undefined;

interface RefusedRange {
  index: number;
  length: number;
  attribute: string;
}

function refusedRanges(text: Y.XmlText): RefusedRange[] {
  const ranges: RefusedRange[] = [];
  let index = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    for (const [attribute, value] of Object.entries(op.attributes ?? {}))
      if (isLinkAttribute(attribute) && value !== null && refusedLinkProblem(hrefOf(value)))
        ranges.push({ index, length, attribute });
    index += length;
  }
  return ranges;
}

function dropRefusedBodyLinks(doc: Y.Doc): boolean {
  const texts = [...bodyFragment(doc).createTreeWalker((type) => type instanceof Y.XmlText)];
  let changed = false;
  for (const text of texts) {
    if (!(text instanceof Y.XmlText)) continue;
    for (const { index, length, attribute } of refusedRanges(text)) {
      text.format(index, length, { [attribute]: null });
      changed = true;
    }
  }
  return changed;
}

/**
 * Repairs the shared related list as repairedRelated does the JSON: an entry that goes is deleted,
 * a repaired title is written as a delete and an insert of the repaired entry at the same place
 * (a Y.Array holds plain values, which change whole). Decided on the values alone, so servers
 * repairing the same list at once delete the same entries and insert equal ones: each inserts its
 * own copy, which every reader keeps once (uniqueRelated, the entries being equal) and the next
 * repair deletes (the same address again).
 */
function repairRelatedList(doc: Y.Doc): boolean {
  const related = relatedArray(doc);
  const entries = related.toArray();
  // Values that are no entry at all (not from one of our pages) go too, unannounced.
  const repairs = relatedRepairs(entries.filter(isRelatedValue));
  // One repair per link, in the links' order.
  let linkIndex = 0;
  const decided = entries.map((entry) => ({
    entry,
    repair: isRelatedValue(entry) ? repairs[linkIndex++] : undefined,
  }));
  let changed = false;
  // From the end: an index before the one changed still names the same entry.
  for (let index = decided.length - 1; index >= 0; index--) {
    const { entry, repair } = decided[index]!;
    if (repair && 'kept' in repair && repair.kept === entry) continue;
    related.delete(index, 1);
    if (repair && 'kept' in repair) related.insert(index, [repair.kept]);
    changed = true;
  }
  return changed;
}

/**
 * Makes the links stored before a stricter check (the page could not save them) ones the
 * validator accepts, in the shared document: a link whose address is refused comes off the body,
 * as withoutRefusedLinks does to the JSON (the words stay), and the related list is repaired as
 * repairedRelated does it (refused addresses and repeats go, titles are mended). Only formatting
 * changes in the body, never a letter, and what happens to the related list depends on its values
 * alone, so servers doing it at once (or again on the next load) agree on what anyone reads.
 * Returns whether anything changed.
 */
export function repairStoredLinks(doc: Y.Doc, origin?: unknown): boolean {
  let changed = false;
  doc.transact(() => {
    const bodyChanged = dropRefusedBodyLinks(doc);
    const relatedChanged = repairRelatedList(doc);
    changed = bodyChanged || relatedChanged;
  }, origin);
  return changed;
}
