import { elementsUnder, isBlankText } from './images/dom-helpers';
import { importNotice, type ImportNotice } from './import-notices';

/**
 * The formatting in mammoth's HTML of a .docx that an article cannot hold (its text has bold,
 * italic and links, and no tables): the cleaning keeps the words and drops the rest silently,
 * so the import says what went. A link's own underline (as Google Docs' .docx has it) and a
 * note marker's superscript are how those look, not formatting of the writer's.
 */
const DROPPED_MARKS = [
  { selector: 'u', name: 'underline' },
  { selector: 's', name: 'strike-through' },
  { selector: 'sup', name: 'superscript' },
  { selector: 'sub', name: 'subscript' },
] as const;

/**
 * The words the mark itself carries: none inside a link, and none of the links or note markers
 * (mammoth's `<sup><a href="#footnote-1">[1]</a></sup>`) it holds.
 */
function ownText(mark: Element): string {
  if (mark.closest('a')) return '';
  const copy = mark.cloneNode(true) as Element;
  for (const link of elementsUnder(copy, 'a')) link.remove();
  return copy.textContent ?? '';
}

/** Notices for tables and marks in `body` (mammoth's HTML, parsed) that the import drops. */
export function droppedFormattingNotices(body: Element): ImportNotice[] {
  const notices: ImportNotice[] = [];
  const tables = elementsUnder(body, 'table').filter(
    (table) => !table.parentElement?.closest('table'),
  );
  if (tables.length > 0) notices.push(importNotice.tablesFlattened(tables.length));
  const marks = DROPPED_MARKS.filter(({ selector }) =>
    elementsUnder(body, selector).some((element) => !isBlankText(ownText(element))),
  ).map(({ name }) => name);
  if (marks.length > 0) notices.push(importNotice.formattingDropped(marks));
  return notices;
}
