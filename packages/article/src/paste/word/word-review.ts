import { elementsUnder, isBlank, unwrap } from '../dom';
import { styleOf } from '../inline-style';
import type { PasteNotices } from '../paste-notices';

/** Tracked deletions: `<del>`, and Word's `span.msoDel` when it writes them without one. */
const DELETIONS = 'del, span.msoDel';

/** A comment's traces in the text: its `[AE1]` anchor, the reference span, the anchor links. */
function isCommentTrace(element: Element): boolean {
  const style = styleOf(element);
  return (
    element.classList.contains('MsoCommentReference') ||
    element.classList.contains('msocomanchor') ||
    (element.getAttribute('href') ?? '').startsWith('#_msocom_') ||
    style.has('mso-comment-reference') ||
    style.get('mso-special-character') === 'comment'
  );
}

const isCommentList = (element: Element) => {
  const kind = styleOf(element).get('mso-element');
  return kind === 'comment-list' || kind === 'comment';
};

/**
 * Word's review marks, read as the document reads with all changes accepted and comments
 * hidden: deletions go, insertions stay as plain text, comments (their markers in the text and
 * the `mso-element:comment-list` after the body) go. Each is said.
 */
export function resolveWordReview(doc: Document, notices: PasteNotices): void {
  const deletions = elementsUnder(doc.body, DELETIONS);
  if (deletions.some((element) => !isBlank(element.textContent))) notices.add('deletionsDropped');
  for (const deletion of deletions) deletion.remove();
  for (const insertion of elementsUnder(doc.body, 'ins')) unwrap(insertion);

  const withStyle = elementsUnder(doc.body, '[style], [class], a[href]');
  const lists = withStyle.filter(isCommentList);
  const comments = lists.filter((element) => styleOf(element).get('mso-element') === 'comment');
  const count = comments.length || (lists.length > 0 ? 1 : 0);
  if (count > 0) notices.add('commentsDropped', count);
  for (const list of lists) list.remove();
  for (const trace of withStyle.filter(isCommentTrace)) trace.remove();
}
