import { elementsUnder, tagOf } from '../dom';
import { type LinkedNotes, type NoteReference, referenceWrapper } from '../linked-notes';

/** mammoth's shapes: `<a href="#footnote-1" id="footnote-ref-1">` and `<li id="footnote-1">`. */
const REFERENCE_HREF = /^#((?:footnote|endnote)-\d+)$/i;
const NOTE_ID = /^(?:footnote|endnote)-\d+$/i;
const BACK_LINK_HREF = /^#(?:footnote|endnote)-ref-\d+$/i;

/** Footnotes and endnotes in the HTML mammoth makes of a .docx. */
export function findMammothNotes(doc: Document): LinkedNotes {
  const notes = new Map<string, Element>();
  const lists = new Set<Element>();
  for (const item of elementsUnder(doc.body, 'li[id]')) {
    const id = item.getAttribute('id') ?? '';
    if (!NOTE_ID.test(id)) continue;
    for (const back of elementsUnder(item, 'a[href]'))
      if (BACK_LINK_HREF.test(back.getAttribute('href') ?? '')) back.remove();
    notes.set(id.toLowerCase(), item);
    if (item.parentElement && tagOf(item.parentElement) === 'ol') lists.add(item.parentElement);
  }
  for (const note of notes.values()) note.remove();
  for (const list of lists) if (list.children.length === 0) list.remove();

  const references: NoteReference[] = [];
  for (const anchor of elementsUnder(doc.body, 'a[href]')) {
    const key = REFERENCE_HREF.exec(anchor.getAttribute('href') ?? '')?.[1]?.toLowerCase();
    if (key) references.push({ element: referenceWrapper(anchor), key });
  }
  return { references, notes };
}
