import { createFootnotePlugin, getArticleSchema, type MarkerStyle } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { buildNotePickerItems } from './note-picker-items';
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';

function stateOf(content: JSONContent, style: MarkerStyle = 'symbols'): EditorState {
  const schema = getArticleSchema();
  return EditorState.create({
    doc: schema.nodeFromJSON(content),
    plugins: [createFootnotePlugin(style)],
  });
}

describe('buildNotePickerItems', () => {
  it('lists every note with its live marker and plain text, in marker order', () => {
    const state = stateOf(
      doc(
        [paragraph(text('Taliban'), ref('taliban'), text(' and ISIS'), ref('isis'))],
        [
          note('taliban', 'A terrorist group outlawed in Russia.'),
          note('isis', '  Also outlawed. '),
        ],
      ),
    );
    expect(buildNotePickerItems(state)).toEqual([
      { id: 'taliban', marker: '*', text: 'A terrorist group outlawed in Russia.' },
      { id: 'isis', marker: '†', text: 'Also outlawed.' },
    ]);
  });

  it('uses numbers when the article does', () => {
    const state = stateOf(doc([paragraph(ref('a'), ref('b'))], [note('a'), note('b')]), 'numeric');
    expect(buildNotePickerItems(state).map((item) => item.marker)).toEqual(['1', '2']);
  });

  it('is empty for an article without notes', () => {
    expect(buildNotePickerItems(stateOf(doc([paragraph(text('No notes'))])))).toEqual([]);
  });
});
