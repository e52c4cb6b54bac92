import {
  DOMParser as ProseMirrorDOMParser,
  DOMSerializer,
  type Fragment,
  type Node as ProseMirrorNode,
  type Schema,
} from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTES } from '../footnotes/names';
import { elementsUnder, type HtmlParser, platformHtmlParser } from './dom';

/**
 * Copied text carries the notes its references point at, after the text in a notes section
 * marked `data-copied-notes`: pasted into another article, the notes come along (an editor takes
 * it out of the HTML before parsing, see `withoutCopiedNotes`); pasted anywhere else (a mail, a
 * document), the note texts are there to read.
 */
const COPIED_NOTES = 'data-copied-notes';

function referencedNoteIds(fragment: Fragment): string[] {
  const ids = new Set<string>();
  let hasNotesBlock = false;
  fragment.descendants((node) => {
    if (node.type.name === FOOTNOTES) hasNotesBlock = true;
    if (node.type.name === FOOTNOTE_REFERENCE) ids.add(String(node.attrs.noteId));
    return node.type.name !== FOOTNOTES;
  });
  // A copy that holds the notes block (select all) carries its notes already.
  return hasNotesBlock ? [] : [...ids];
}

function notesOf(doc: ProseMirrorNode): Map<string, ProseMirrorNode> {
  const notes = new Map<string, ProseMirrorNode>();
  if (doc.lastChild?.type.name === FOOTNOTES)
    doc.lastChild.forEach((note) => notes.set(String(note.attrs.id), note));
  return notes;
}

/** The clipboard serializer: the schema's, plus the copied references' notes after the text. */
class NotesCarryingSerializer extends DOMSerializer {
  constructor(
    schema: Schema,
    private readonly currentState: () => EditorState | null,
  ) {
    const base = DOMSerializer.fromSchema(schema);
    super(base.nodes, base.marks);
  }

  override serializeFragment(
    fragment: Fragment,
    options: { document?: Document } = {},
    target?: HTMLElement | DocumentFragment,
  ): HTMLElement | DocumentFragment {
    const result = super.serializeFragment(fragment, options, target);
    // Only the copy itself (nested content is serialized into a target).
    const state = target === undefined ? this.currentState() : null;
    if (!state) return result;
    const available = notesOf(state.doc);
    const notes = referencedNoteIds(fragment).flatMap((id) => available.get(id) ?? []);
    const notesType = state.schema.nodes[FOOTNOTES];
    if (notes.length === 0 || !notesType) return result;
    const section = this.serializeNode(notesType.create(null, notes), options) as HTMLElement;
    section.setAttribute(COPIED_NOTES, '');
    result.appendChild(section);
    return result;
  }
}

export function notesCarryingSerializer(
  schema: Schema,
  currentState: () => EditorState | null,
): DOMSerializer {
  return new NotesCarryingSerializer(schema, currentState);
}

/** Pasted HTML without the notes a copy carried (they are read apart, see `readCopiedNotes`). */
export function withoutCopiedNotes(html: string, parse?: HtmlParser): string {
  if (!html.includes(COPIED_NOTES)) return html;
  const doc = (parse ?? platformHtmlParser())(html);
  for (const section of elementsUnder(doc, `[${COPIED_NOTES}]`)) section.remove();
  return doc.body.innerHTML;
}

/** The notes a copy carried, as footnote nodes of `schema`. */
export function readCopiedNotes(
  html: string,
  schema: Schema,
  parse?: HtmlParser,
): ProseMirrorNode[] {
  if (!html.includes(COPIED_NOTES)) return [];
  const doc = (parse ?? platformHtmlParser())(html);
  const parser = ProseMirrorDOMParser.fromSchema(schema);
  const notes: ProseMirrorNode[] = [];
  for (const section of elementsUnder(doc, `[${COPIED_NOTES}]`)) {
    // Parsed with its section, which the schema reads as the notes block.
    const wrapper = doc.createElement('div');
    wrapper.appendChild(section);
    parser.parseSlice(wrapper).content.descendants((node) => {
      if (node.type.name === FOOTNOTE && node.attrs.id) notes.push(node);
      return node.type.name !== FOOTNOTE;
    });
  }
  return notes;
}

/** Note ids the pasted HTML's references point at (our own copies write `data-note-id`). */
export function pastedReferenceIds(html: string, parse?: HtmlParser): string[] {
  if (!html.includes('data-footnote-reference')) return [];
  const ids = elementsUnder(
    (parse ?? platformHtmlParser())(html),
    'sup[data-footnote-reference][data-note-id]',
  ).map((reference) => reference.getAttribute('data-note-id')!);
  return [...new Set(ids)];
}
