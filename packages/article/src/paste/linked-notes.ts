import { isBlank, isElement, isText, tagOf } from './dom';
import type { PasteNotices } from './paste-notices';

/** A reference in the text: the element standing for it and the key of the note it points at. */
export interface NoteReference {
  element: Element;
  key: string;
}

/** A note taken out of the pasted document: its new id and its inline content (in a `<div>`). */
export interface ExtractedNote {
  id: string;
  content: Element;
}

export interface LinkedNotes {
  references: NoteReference[];
  /** Note bodies by key, with the source's own number/back-link already removed. */
  notes: Map<string, Element>;
}

const INLINE_WRAPPERS = new Set(['sup', 'span', 'font']);

/**
 * The element to replace for a reference: the anchor, or the `<sup>`/`<span>` wrappers that hold
 * nothing else, so no empty superscript is left behind.
 */
export function referenceWrapper(anchor: Element): Element {
  let element = anchor;
  for (;;) {
    const parent = element.parentElement;
    if (!parent || !INLINE_WRAPPERS.has(tagOf(parent))) return element;
    const others = Array.from(parent.childNodes).filter(
      (child) => child !== element && !(isText(child) && isBlank(child.data)),
    );
    if (others.length > 0) return element;
    element = parent;
  }
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
]);

/** Inline nodes of `note` (a note, a list item) in one `<div>`: its paragraphs joined by line breaks. */
export function inlineContentOf(note: Element): Element {
  const doc = note.ownerDocument;
  const container = doc.createElement('div');
  const append = (node: Node) => {
    if (isElement(node) && BLOCKS.has(tagOf(node))) {
      if (container.hasChildNodes() && container.lastChild?.nodeName.toLowerCase() !== 'br')
        container.appendChild(doc.createElement('br'));
      for (const child of Array.from(node.childNodes)) append(child);
      return;
    }
    container.appendChild(node);
  };
  for (const child of Array.from(note.childNodes)) append(child);
  trimEdges(container);
  return container;
}

/** Drops the blanks (and stray line breaks) left at either end once a marker was removed. */
function trimEdges(container: Element): void {
  const isEdgeJunk = (node: ChildNode | null) =>
    (isText(node) && isBlank(node.data)) || node?.nodeName.toLowerCase() === 'br';
  while (isEdgeJunk(container.firstChild)) container.firstChild!.remove();
  while (isEdgeJunk(container.lastChild)) container.lastChild!.remove();
  const first = firstTextNode(container);
  if (first) first.data = first.data.replace(/^[\s\u00a0]+/, '');
}

function firstTextNode(node: Node): Text | null {
  for (const child of Array.from(node.childNodes)) {
    if (isText(child)) {
      if (child.data !== '') return child;
      continue;
    }
    const inner = firstTextNode(child);
    if (inner) return inner;
  }
  return null;
}

/** The element our schema parses as a footnote reference (see FootnoteReference.parseHTML). */
export function referenceElement(doc: Document, noteId: string): Element {
  const sup = doc.createElement('sup');
  sup.setAttribute('data-footnote-reference', '');
  sup.setAttribute('data-note-id', noteId);
  return sup;
}

/**
 * Replaces each reference by one of ours and returns the notes in order of first reference.
 * Several references with one key share one note; a reference whose note is not there is
 * dropped (its "[1]" would otherwise stay in the text) and noted.
 */
export function convertLinkedNotes(
  { references, notes }: LinkedNotes,
  newNoteId: () => string,
  notices: PasteNotices,
): ExtractedNote[] {
  const ids = new Map<string, string>();
  const extracted: ExtractedNote[] = [];
  for (const { element, key } of references) {
    const note = notes.get(key);
    if (!note) {
      element.remove();
      notices.add('notesMissing');
      continue;
    }
    let id = ids.get(key);
    if (id === undefined) {
      id = newNoteId();
      ids.set(key, id);
      extracted.push({ id, content: inlineContentOf(note) });
    }
    element.replaceWith(referenceElement(element.ownerDocument, id));
  }
  return extracted;
}
