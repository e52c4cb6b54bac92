import type { JSONContent } from '@tiptap/core';
import { type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { createFootnotePlugin } from '../footnotes/footnote-plugin';
import { doc, note, paragraph, ref, text } from '../footnotes/test-documents';
import { cleanPastedHtml } from './clean-pasted-html';
import { nodeHtmlParser } from './fixtures/node-dom';
import {
  wordDocument,
  wordListParagraph,
  wordNoteList,
  wordParagraph,
  wordReference,
} from './fixtures/word-clipboard';
import { pasteCleanedHtml } from './paste-transaction';

const schema = getArticleSchema();
const parseHtml = nodeHtmlParser();

function stateWith(json: JSONContent, caret: (node: ProseMirrorNode) => number): EditorState {
  const node = schema.nodeFromJSON(json);
  return EditorState.create({
    doc: node,
    selection: TextSelection.create(node, caret(node)),
    plugins: [createFootnotePlugin('numeric')],
  });
}

function paste(state: EditorState, html: string): JSONContent {
  const cleaned = cleanPastedHtml(html, { parseHtml })!;
  return state.apply(pasteCleanedHtml(state, cleaned)).doc.toJSON() as JSONContent;
}

/** An article with one note, caret at the end of its first paragraph. */
const existing = () =>
  stateWith(
    doc(
      [paragraph(text('Before'), ref('fn-old')), paragraph(text('After'))],
      [note('fn-old', 'Old note')],
    ),
    () => 8,
  );

const wordTwoNotes = wordDocument(
  wordParagraph(`First${wordReference(1)} and second${wordReference(2)}.`) +
    wordNoteList(['Note one.', 'Note two.']),
);

describe('pasting cleaned HTML into the editor state', () => {
  it('adds pasted notes to the existing notes block, in first-reference order', () => {
    const state = stateWith(
      doc(
        [paragraph(text('Start')), paragraph(text('End'), ref('fn-old'))],
        [note('fn-old', 'Old note')],
      ),
      () => 6,
    );
    const result = state.apply(
      pasteCleanedHtml(state, cleanPastedHtml(wordTwoNotes, { parseHtml })!),
    );
    const after = result.doc.toJSON() as JSONContent;
    const notes = after.content!.at(-1)!.content!;
    expect(notes.map((node) => node.content?.[0]?.text)).toEqual([
      'Note one.',
      'Note two.',
      'Old note',
    ]);
    expect(after.content!.filter((node) => node.type === 'footnotes')).toHaveLength(1);
  });

  it('creates the notes block when the article had none', () => {
    const state = stateWith(doc([paragraph(text('Plain'))]), () => 6);
    const after = paste(state, wordTwoNotes);
    expect(after.content!.at(-1)!.type).toBe('footnotes');
    expect(after.content!.at(-1)!.content).toHaveLength(2);
    expect(JSON.stringify(after.content![0])).toContain('Plain');
  });

  it('pastes lists as lists at the caret', () => {
    const after = paste(
      existing(),
      wordDocument(wordListParagraph('Item one') + wordListParagraph('Item two'), [
        { list: 'l0', level: 1, format: 'bullet' },
      ]),
    );
    expect(after.content!.some((node) => node.type === 'bulletList')).toBe(true);
    expect(after.content!.at(-1)!.content).toEqual([note('fn-old', 'Old note')]);
  });

  it('keeps a paste into a note inside that note: text and marks, paragraphs as line breaks, no references', () => {
    const state = existing();
    let inNote = 0;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'footnote') inNote = pos + 1 + node.content.size;
    });
    const noteState = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inNote)));
    const html = wordDocument(
      wordParagraph(`<b>Bold</b> text${wordReference(1)}`) +
        wordParagraph('Second') +
        wordNoteList(['Dropped.']),
    );
    const after = paste(noteState, html);
    expect(after.content!.at(-1)!.content).toEqual([
      {
        type: 'footnote',
        attrs: { id: 'fn-old' },
        content: [
          text('Old note'),
          { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
          text(' text'),
          { type: 'hardBreak' },
          text('Second'),
        ],
      },
    ]);
    expect(after.content).toHaveLength(3);
  });
});
