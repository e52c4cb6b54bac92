import { elementsUnder } from '../dom';
import { referenceWrapper } from '../linked-notes';
import type { PasteNotices } from '../paste-notices';
import { noteContainer } from './google-docs-footnotes';

/** `[a]` in the text links to its comment: `href="#cmnt1"`. */
const COMMENT_MARKER = /^#cmnt\d+$/i;
/** Each comment after the text starts with a link back to its marker: `href="#cmnt_ref1"`. */
const COMMENT_BACK_LINK = /^#cmnt_ref\d+$/i;

const linksMatching = (doc: Document, pattern: RegExp) =>
  elementsUnder(doc.body, 'a[href]').filter((link) =>
    pattern.test(link.getAttribute('href') ?? ''),
  );

/**
 * The "Download → Web page" export writes the document's comments into the page: `[a]` markers
 * in the text and, at the end, one block per comment (with its replies). They are reviewers'
 * notes, not article text: both go, and how many is said.
 */
export function removeGoogleDocsComments(doc: Document, notices: PasteNotices): void {
  const comments = new Set(linksMatching(doc, COMMENT_BACK_LINK).map(noteContainer));
  for (const marker of linksMatching(doc, COMMENT_MARKER)) referenceWrapper(marker).remove();
  for (const comment of comments) comment.remove();
  if (comments.size > 0) notices.add('commentsDropped', comments.size);
}
