import { refusedLinkProblem, RELATED_LINK } from '@newsroom/article';
import * as Y from 'yjs';
import { bodyFragment, dropRelatedEntries, type RelatedValue } from './article-ydoc';

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

/** An external related entry whose address the validator now refuses (internal ones are ids). */
const isRefusedRelated = (entry: RelatedValue) =>
  'url' in entry && refusedLinkProblem(entry.url, RELATED_LINK) !== null;

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
 * Takes the links whose address the validator now refuses (stored before a stricter check) out
 * of the shared document, so that its next store is not refused: off the body, as
 * withoutRefusedLinks does to the JSON (the words stay), and out of the related list, as
 * withoutRefusedRelated does (the entry goes). Only formatting changes in the body, never a
 * letter, and the related list only loses those entries, so servers doing it at once (or again on
 * the next load) leave the same document, never two copies of anything. Returns whether anything
 * changed.
 */
export function dropRefusedLinks(doc: Y.Doc, origin?: unknown): boolean {
  let changed = false;
  doc.transact(() => {
    const bodyChanged = dropRefusedBodyLinks(doc);
    const relatedChanged = dropRelatedEntries(doc, isRefusedRelated, origin);
    changed = bodyChanged || relatedChanged;
  }, origin);
  return changed;
}
