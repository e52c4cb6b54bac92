import { elementsUnder } from '../dom';
import { styleOf } from '../inline-style';
import { type LinkedNotes, type NoteReference, referenceWrapper } from '../linked-notes';

/** `mso-element` values of the blocks Word puts after the body. */
const NOTE_ELEMENTS = new Set(['footnote', 'endnote']);
const NOTE_LISTS = new Set(['footnote-list', 'endnote-list']);
/** `#_ftn1` / `#_edn1` in the text (the notes link back with `#_ftnref1` / `#_ednref1`). */
const REFERENCE_HREF = /^#_((?:ftn|edn)\d+)$/i;
const BACK_LINK_HREF = /^#_(?:ftn|edn)ref\d+$/i;
/** `name="_ftn1"` on the note's own anchor. */
const NOTE_ANCHOR_NAME = /^_((?:ftn|edn)\d+)$/i;

const msoElement = (element: Element) => styleOf(element).get('mso-element')?.toLowerCase();

/** `ftn1` / `edn1` from `mso-footnote-id:ftn1`, `mso-endnote-id:edn1` or `href="#_ftn1"`. */
function referenceKey(anchor: Element): string | null {
  const style = styleOf(anchor);
  const id = style.get('mso-footnote-id') ?? style.get('mso-endnote-id');
  if (id) return id.toLowerCase();
  const match = REFERENCE_HREF.exec(anchor.getAttribute('href') ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

function noteKey(note: Element): string | null {
  const id = note.getAttribute('id');
  if (id) return id.toLowerCase();
  for (const anchor of elementsUnder(note, 'a[name]')) {
    const match = NOTE_ANCHOR_NAME.exec(anchor.getAttribute('name') ?? '');
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}

/** The note's own number: the anchor linking back to the text. */
function removeBackLinks(note: Element): void {
  for (const anchor of elementsUnder(note, 'a')) {
    const href = anchor.getAttribute('href') ?? '';
    const style = styleOf(anchor);
    if (
      BACK_LINK_HREF.test(href) ||
      style.has('mso-footnote-id') ||
      style.has('mso-endnote-id') ||
      NOTE_ANCHOR_NAME.test(anchor.getAttribute('name') ?? '')
    )
      referenceWrapper(anchor).remove();
  }
}

/**
 * Word's footnotes and endnotes: references in the text, notes in `mso-element:footnote`
 * (`endnote`) blocks at the end. The note blocks are taken out of the document.
 */
export function findWordNotes(doc: Document): LinkedNotes {
  const noteBlocks = elementsUnder(doc.body, 'div').filter((div) =>
    NOTE_ELEMENTS.has(msoElement(div) ?? ''),
  );
  const notes = new Map<string, Element>();
  for (const block of noteBlocks) {
    const key = noteKey(block);
    removeBackLinks(block);
    if (key && !notes.has(key)) notes.set(key, block);
  }
  for (const list of elementsUnder(doc.body, 'div').filter((div) =>
    NOTE_LISTS.has(msoElement(div) ?? ''),
  ))
    list.remove();
  for (const block of noteBlocks) block.remove();

  const references: NoteReference[] = [];
  for (const anchor of elementsUnder(doc.body, 'a')) {
    const key = referenceKey(anchor);
    if (key) references.push({ element: referenceWrapper(anchor), key });
  }
  return { references, notes };
}
