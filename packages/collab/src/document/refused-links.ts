import { refusedLinkProblem } from '@newsroom/article';
import * as Y from 'yjs';
import { bodyFragment } from './article-ydoc';

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

/**
 * Takes the links whose address the validator now refuses (stored before a stricter check) off
 * the shared body, as withoutRefusedLinks does to the JSON: the words stay. Only formatting
 * changes, never a letter, so servers doing it at once (or again on the next load) leave the same
 * text, never two copies of it. Returns whether anything changed.
 */
export function dropRefusedLinks(doc: Y.Doc, origin?: unknown): boolean {
  const texts = [...bodyFragment(doc).createTreeWalker((type) => type instanceof Y.XmlText)];
  let changed = false;
  doc.transact(() => {
    for (const text of texts) {
      if (!(text instanceof Y.XmlText)) continue;
      for (const { index, length, attribute } of refusedRanges(text)) {
        text.format(index, length, { [attribute]: null });
        changed = true;
      }
    }
  }, origin);
  return changed;
}
