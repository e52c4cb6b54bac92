import type { JSONContent } from '@tiptap/core';
import { type Fragment, DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { carryNotes, createFootnotePlugin, hasNoteFor } from '../footnotes/footnote-plugin';
import { doc, note, paragraph, ref, text } from '../footnotes/test-documents';
import {
  notesCarryingSerializer,
  pastedReferenceIds,
  readCopiedNotes,
  withoutCopiedNotes,
} from './copied-notes';
import { nodeHtmlParser } from './fixtures/node-dom';

const schema = getArticleSchema();
const parseHtml = nodeHtmlParser();
const document = new Window().document as unknown as Document;

/** The HTML the clipboard gets for `fragment` copied from `state`. */
function copied(state: EditorState, fragment: Fragment): string {
  const wrap = document.createElement('div');
  wrap.appendChild(
    notesCarryingSerializer(schema, () => state).serializeFragment(fragment, { document }),
  );
  return wrap.innerHTML;
}

function stateOf(json: JSONContent, caret = 1): EditorState {
  const node = schema.nodeFromJSON(json);
  return EditorState.create({
    doc: node,
    selection: TextSelection.create(node, caret),
    plugins: [createFootnotePlugin('numeric')],
  });
}

/** Article A: "Claim with a source¹ end." with its note, as in the tester's journey. */
const articleA = stateOf(
  doc(
    [paragraph(text('Claim with a source'), ref('src1'), text(' end.'))],
    [note('src1', 'The note text from A.')],
  ),
);

/** What a copy of A's paragraph (its text, not the block) puts on the clipboard as HTML. */
function copyParagraphOfA(): string {
  const paragraphNode = articleA.doc.firstChild!;
  return copied(articleA, articleA.doc.slice(1, 1 + paragraphNode.content.size).content);
}

/** ProseMirror's paste into B, with the notes carried first (as the paste handler does). */
function pasteIntoB(html: string, carry: boolean): { state: EditorState; lost: string[] } {
  let state = stateOf(doc([paragraph(text('Existing B text.'))]), 17);
  if (carry) state = state.apply(carryNotes(state.tr, readCopiedNotes(html, schema, parseHtml)));
  const lost = pastedReferenceIds(html, parseHtml).filter((id) => !hasNoteFor(state, id));
  const body = parseHtml(withoutCopiedNotes(html, parseHtml)).body;
  const slice = ProseMirrorDOMParser.fromSchema(schema).parseSlice(body);
  const pasted = state.apply(state.tr.replaceSelection(slice));
  return { state: pasted, lost };
}

const notesOf = (state: EditorState) =>
  state.doc.lastChild?.type.name === 'footnotes'
    ? state.doc.lastChild.content.content.map((noteNode) => noteNode.textContent)
    : [];

describe('copying text with footnotes from one article into another', () => {
  it('puts the referenced notes on the clipboard after the text', () => {
    const html = copyParagraphOfA();
    expect(html).toContain('data-copied-notes');
    expect(html).toContain('The note text from A.');
    expect(withoutCopiedNotes(html, parseHtml)).not.toContain('The note text from A.');
  });

  it('brings the note along when pasted into another article', () => {
    const { state, lost } = pasteIntoB(copyParagraphOfA(), true);
    expect(lost).toEqual([]);
    expect(state.doc.firstChild!.textContent).toBe('Existing B text.Claim with a source end.');
    expect(notesOf(state)).toEqual(['The note text from A.']);
    expect(JSON.stringify(state.doc.toJSON())).toContain('"noteId":"src1"');
  });

  it('counts a reference whose note did not come along (the footnote plugin drops it)', () => {
    const { state, lost } = pasteIntoB(copyParagraphOfA(), false);
    expect(lost).toEqual(['src1']);
    expect(notesOf(state)).toEqual([]);
    expect(JSON.stringify(state.doc.toJSON())).not.toContain('footnoteReference');
  });

  it('carries nothing for a copy that holds the notes block itself', () => {
    expect(copied(articleA, articleA.doc.content)).not.toContain('data-copied-notes');
  });
});
