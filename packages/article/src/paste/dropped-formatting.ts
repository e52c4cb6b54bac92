import { elementsUnder, isBlank, tagOf } from './dom';
import { styleOf } from './inline-style';
import { pasteNotice, type PasteNotice, formattingDroppedNotice } from './paste-notices';

/**
 * The formatting an article's text cannot hold (it has bold, italic and links, and no tables):
 * the cleaning keeps the words and drops the rest, so a paste or an import says what went.
 * Word and mammoth write tags; Google Docs writes styles on spans (`text-decoration`,
 * `vertical-align`). A link's own underline and a note marker's superscript are how those look,
 * not formatting of the writer's.
 */
const DROPPED_MARKS = [
  { name: 'underline', tags: ['u'], style: ['text-decoration', /\bunderline\b/] },
  { name: 'strike-through', tags: ['s', 'strike'], style: ['text-decoration', /\bline-through\b/] },
  { name: 'superscript', tags: ['sup'], style: ['vertical-align', /^super$/] },
  { name: 'subscript', tags: ['sub'], style: ['vertical-align', /^sub$/] },
] as const;

type DroppedMark = (typeof DROPPED_MARKS)[number];

function hasMark(element: Element, { tags, style: [property, value] }: DroppedMark): boolean {
  if ((tags as readonly string[]).includes(tagOf(element))) return true;
  const declared = styleOf(element).get(property);
  return declared !== undefined && value.test(declared.toLowerCase());
}

/**
 * The words the mark itself carries: none inside a link, and none of the links or note markers
 * (mammoth's `<sup><a href="#footnote-1">[1]</a></sup>`, our empty `<sup data-footnote-reference>`)
 * it holds.
 */
function ownText(mark: Element): string {
  if (mark.closest('a')) return '';
  const copy = mark.cloneNode(true) as Element;
  for (const link of elementsUnder(copy, 'a')) link.remove();
  return copy.textContent ?? '';
}

/** Notices for the tables and marks under `root` (sources converted, notes linked) that go. */
export function droppedFormattingNotices(root: Element): PasteNotice[] {
  const notices: PasteNotice[] = [];
  const tables = elementsUnder(root, 'table').filter(
    (table) => !table.parentElement?.closest('table'),
  );
  if (tables.length > 0) notices.push(pasteNotice('tablesFlattened', tables.length));
  const elements = elementsUnder(root);
  const marks = DROPPED_MARKS.filter((mark) =>
    elements.some((element) => hasMark(element, mark) && !isBlank(ownText(element))),
  ).map(({ name }) => name);
  if (marks.length > 0) notices.push(formattingDroppedNotice(marks));
  return notices;
}
