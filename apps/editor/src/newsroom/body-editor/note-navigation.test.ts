import { createFootnotePlugin, getArticleSchema } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { type Command, EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { lineBreakInNote, noteAtSelection, returnToReference } from './note-navigation';
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';

function stateAt(content: JSONContent, needle: string): EditorState {
  const state = EditorState.create({
    doc: getArticleSchema().nodeFromJSON(content),
    plugins: [createFootnotePlugin('symbols')],
  });
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text?.includes(needle))
      at = pos + node.text.indexOf(needle) + needle.length;
  });
  if (at < 0) throw new Error(`'${needle}' not found`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
}

function run(command: Command, state: EditorState): EditorState | null {
  let next: EditorState | null = null;
  const handled = command(state, (tr) => {
    next = state.apply(tr);
  });
  return handled ? next : null;
}

const seedLike = doc(
  [
    paragraph(text('money to Taliban'), ref('t'), text('-affiliated militants')),
    paragraph(text('counter ISIS (Daesh)'), ref('t'), text(' operations')),
  ],
  [note('t', 'A terrorist group outlawed in Russia.')],
);

describe('noteAtSelection', () => {
  it('names the note holding the caret, and nothing in body text', () => {
    expect(noteAtSelection(stateAt(seedLike, 'outlawed'))?.id).toBe('t');
    expect(noteAtSelection(stateAt(seedLike, 'money'))).toBeNull();
  });
});

describe('returnToReference', () => {
  it('puts the caret right after the first reference to the note', () => {
    const next = run(returnToReference, stateAt(seedLike, 'outlawed'));
    const { $from } = next!.selection;
    expect($from.nodeBefore?.type.name).toBe('footnoteReference');
    expect($from.nodeAfter?.text).toBe('-affiliated militants');
  });

  it('does nothing outside the notes', () => {
    expect(run(returnToReference, stateAt(seedLike, 'money'))).toBeNull();
  });
});

describe('lineBreakInNote', () => {
  it('inserts a line break instead of splitting the note (which would drop its tail)', () => {
    const next = run(lineBreakInNote, stateAt(seedLike, 'A terrorist'));
    const notes = next!.doc.lastChild!;
    expect(notes.childCount).toBe(1);
    expect(notes.firstChild!.textContent).toBe('A terrorist group outlawed in Russia.');
    expect(notes.firstChild!.child(1).type.name).toBe('hardBreak');
  });

  it('leaves Enter alone in body text', () => {
    expect(run(lineBreakInNote, stateAt(seedLike, 'money'))).toBeNull();
  });
});
