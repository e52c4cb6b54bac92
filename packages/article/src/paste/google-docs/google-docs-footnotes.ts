import { elementsUnder, tagOf } from '../dom';
import { styleOf } from '../inline-style';
import { type LinkedNotes, type NoteReference, referenceWrapper } from '../linked-notes';
import type { PasteNotices } from '../paste-notices';

/** `href="#ftnt1"` in the text; the note's anchor is `id="ftnt1"` and links back to `#ftnt_ref1`. */
const REFERENCE_HREF = /^#(ftnt\d+)$/i;
/**
 * What Google Docs' clipboard keeps of a footnote when it drops the note: its number in
 * superscript, `[1]` or `1`. (Our schema has no superscript, so a superscript number that was not
 * a footnote would lose its meaning anyway; the notice says what to do instead.)
 */
const BARE_NUMBER = /^\s*(\[\d{1,4}\]|\d{1,4})\s*$/;

/** The block of a note (or comment) after the text, from the anchor that starts it. */
export function noteContainer(anchor: Element): Element {
  // The export writes <div><p><a id="ftnt1">[1]</a><span> Note text</span></p></div>.
  let container: Element = anchor;
  while (container.parentElement && container.parentElement !== anchor.ownerDocument.body) {
    container = container.parentElement;
    if (tagOf(container) === 'div') break;
  }
  return container;
}

function isSuperscript(element: Element): boolean {
  return (
    tagOf(element) === 'sup' ||
    (tagOf(element) === 'span' && styleOf(element).get('vertical-align') === 'super')
  );
}

/**
 * Google Docs footnotes: the "Download → Web page" export links `#ftntN` to notes after an
 * `<hr>`; the clipboard carries only the numbers. Numbers without notes are taken out of the
 * text, and the person is told to import the document instead.
 */
export function findGoogleDocsNotes(
  doc: Document,
  notices: PasteNotices,
  fromClipboard: boolean,
): LinkedNotes {
  const notes = new Map<string, Element>();
  const references: NoteReference[] = [];
  const containers = new Set<Element>();
  for (const anchor of elementsUnder(doc.body, 'a[href]')) {
    const key = REFERENCE_HREF.exec(anchor.getAttribute('href') ?? '')?.[1]?.toLowerCase();
    if (!key) continue;
    const target = elementsUnder(doc.body, '[id]').find(
      (element) => element.getAttribute('id')?.toLowerCase() === key,
    );
    if (target && !notes.has(key)) {
      const container = noteContainer(target);
      referenceWrapper(target).remove();
      notes.set(key, container);
      containers.add(container);
    }
    references.push({ element: referenceWrapper(anchor), key });
  }
  const withoutNotes = references.filter((reference) => !notes.has(reference.key));
  for (const reference of withoutNotes) reference.element.remove();
  // Only the clipboard drops notes; a saved web page keeps them, so its superscripts are text.
  const bareNumbers = fromClipboard ? removeBareNumbers(doc) : 0;
  if (withoutNotes.length > 0 || bareNumbers > 0) notices.add('footnotesNotCopied');

  removeNoteArea(containers);
  return {
    references: references.filter((reference) => notes.has(reference.key)),
    notes,
  };
}

/** Superscript footnote numbers left without their notes; returns how many went. */
function removeBareNumbers(doc: Document): number {
  const numbers = elementsUnder(doc.body, 'sup, span').filter(
    (element) =>
      isSuperscript(element) &&
      element.querySelector('a') === null &&
      BARE_NUMBER.test(element.textContent ?? ''),
  );
  for (const number of numbers) number.remove();
  return numbers.length;
}

/** The notes and the rule above them leave the body; they come back as our notes block. */
function removeNoteArea(containers: Set<Element>): void {
  const first = [...containers][0];
  if (!first) return;
  for (let node = first.previousElementSibling; node; node = node.previousElementSibling) {
    if (tagOf(node) === 'hr') {
      node.remove();
      break;
    }
    if ((node.textContent ?? '').trim() !== '') break;
  }
  for (const container of containers) container.remove();
}
