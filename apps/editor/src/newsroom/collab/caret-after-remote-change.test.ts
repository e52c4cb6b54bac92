// @vitest-environment happy-dom
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';
import { bodyFragment } from '@newsroom/collab';
import type { Editor, JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mountedCoEditor, sharedBody, sharedDocWithBody, sync } from './shared-doc-fixture';

const bold = (value: string): JSONContent => ({ ...text(value), marks: [{ type: 'bold' }] });

/** The text of block `index` in another person's copy of the body. */
const textOf = (other: Y.Doc, index: number) =>
  (bodyFragment(other).get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** The position just inside block `index` of the editor's document, plus `offset`. */
function inBlock(editor: Editor, index: number, offset = 0): number {
  let pos = 1;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  return pos + offset;
}

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

/** My editor on a shared body, and another person's copy of it. */
function twoPeople(body: JSONContent) {
  const mine = sharedDocWithBody(body);
  const other = new Y.Doc();
  sync(mine, other);
  const editor = mountedCoEditor(mine);
  editors.push(editor);
  return { mine, other, editor };
}

describe('my caret when other people change the body', () => {
  it('survives a word deleted by one person that another had just made bold', () => {
    // The deleter never saw the bold, so Yjs tidies its now empty marks here, in a transaction
    // of its own after the first render; y-tiptap 3.0.9 then resolved the caret's old position
    // in the shrunk article: "RangeError: Position 25 out of range".
    const {
      mine,
      other: deleter,
      editor,
    } = twoPeople(doc([paragraph(text('One two')), paragraph(text('Six seven eight'))]));
    const bolder = new Y.Doc();
    sync(mine, bolder);
    textOf(bolder, 1).format(10, 5, { bold: {} });
    sync(bolder, mine);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    textOf(deleter, 1).delete(10, 5);
    expect(() => sync(deleter, mine)).not.toThrow();
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.head).toBe(inBlock(editor, 1, 'Six seven '.length));
  });

  it('lands at the start of the next block when my block, the first, is deleted with another change', () => {
    const { mine, other, editor } = twoPeople(
      doc([
        paragraph(text('One two three')),
        paragraph(text('Four '), bold('five')),
        paragraph(text('Six seven eight')),
      ]),
    );
    editor.commands.setTextSelection(inBlock(editor, 0, 3));
    other.transact(() => {
      bodyFragment(other).delete(0, 1);
      textOf(other, 0).delete(0, 2);
    });
    expect(() => sync(other, mine)).not.toThrow();
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.empty).toBe(true);
    // y-tiptap alone put it at the end of the article.
    expect(editor.state.selection.head).toBe(inBlock(editor, 0));
    editor.commands.insertContent('Still typing. ');
    sync(mine, other);
    expect(bodyFragment(other).get(0).toString()).toContain('Still typing. ur ');
  });

  it('lands at the start of the next block when my block in the middle is deleted', () => {
    const { mine, other, editor } = twoPeople(
      doc([paragraph(text('One two three')), paragraph(text('Four five')), paragraph(text('Six'))]),
    );
    editor.commands.setTextSelection(inBlock(editor, 1, 3));
    bodyFragment(other).delete(1, 1);
    sync(other, mine);
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.head).toBe(inBlock(editor, 1));
  });

  it('lands at the end of the block before when my block, the last, is deleted', () => {
    const { mine, other, editor } = twoPeople(
      doc([paragraph(text('One two three')), paragraph(text('Four five'))]),
    );
    editor.commands.setTextSelection(inBlock(editor, 1, 4));
    bodyFragment(other).delete(1, 1);
    sync(other, mine);
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.head).toBe(inBlock(editor, 0, 'One two three'.length));
  });

  it('keeps the surviving end of a selection whose other end was in a deleted block', () => {
    const { mine, other, editor } = twoPeople(
      doc([paragraph(text('One two three')), paragraph(text('Four five')), paragraph(text('Six'))]),
    );
    editor.commands.setTextSelection({ from: inBlock(editor, 1, 4), to: inBlock(editor, 2, 2) });
    bodyFragment(other).delete(1, 1);
    sync(other, mine);
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.anchor).toBe(inBlock(editor, 1));
    expect(editor.state.selection.head).toBe(inBlock(editor, 1, 2));
  });
});

describe('my caret in a note when another person deletes that note', () => {
  it('lands in the next note (y-tiptap alone: the end of the notes), and typing goes on there', () => {
    const { mine, other, editor } = twoPeople(
      doc(
        [paragraph(text('Claim'), ref('a'), text(' and more'), ref('b'))],
        [note('a', 'First source'), note('b', 'Second source')],
      ),
    );
    const firstNoteStart = editor.state.doc.child(0).nodeSize + 1;
    editor.commands.setTextSelection(firstNoteStart + 1 + 3);
    const notesBlock = bodyFragment(other).get(1) as Y.XmlElement;
    other.transact(() => notesBlock.delete(0, 1));
    expect(() => sync(other, mine)).not.toThrow();
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    expect(editor.state.selection.$head.parent.textContent).toBe('Second source');
    expect(editor.state.selection.$head.parentOffset).toBe(0);
    editor.commands.insertContent('Also ');
    sync(mine, other);
    expect(notesBlock.toString()).toContain('Also Second source');
  });
});

describe('my caret in an empty paragraph when another person writes there or adds one', () => {
  it('stays in my paragraph when the other person’s first letter arrives in it (an empty one below)', () => {
    const { mine, other, editor } = twoPeople(
      doc([paragraph(text('Lead.')), paragraph(), paragraph()]),
    );
    editor.commands.setTextSelection(inBlock(editor, 1));
    textOf(other, 1).insert(0, '0');
    sync(other, mine);
    expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
    // y-tiptap 3.0.9 alone: the empty paragraph below (the first empty one it found).
    expect(editor.state.selection.head).toBe(inBlock(editor, 1));
    editor.commands.insertContent('a');
    textOf(other, 1).insert(1, '1');
    sync(other, mine);
    sync(mine, other);
    expect(bodyFragment(other).toJSON()).toBe(
      '<paragraph>Lead.</paragraph><paragraph>a01</paragraph><paragraph></paragraph>',
    );
  });

  it('stays in the paragraph I added when the other person adds one above it at the same moment', () => {
    const { mine, other, editor } = twoPeople(doc([paragraph(text('Lead.'))]));
    // Both press Enter at the end of the lead; the other person's paragraph comes first.
    other.clientID = 0;
    const theirs = new Y.XmlElement('paragraph');
    theirs.insert(0, [new Y.XmlText()]);
    bodyFragment(other).insert(1, [theirs]);
    editor.commands.setTextSelection(inBlock(editor, 0, 'Lead.'.length));
    editor.commands.enter();
    sync(other, mine);
    expect((bodyFragment(mine).get(1) as Y.XmlElement)._item?.id.client).toBe(0);
    // y-tiptap 3.0.9 alone: the other person's paragraph (the first empty one).
    expect(editor.state.selection.head).toBe(inBlock(editor, 2));
    editor.commands.insertContent('mine');
    sync(mine, other);
    expect(bodyFragment(other).toJSON()).toBe(
      '<paragraph>Lead.</paragraph><paragraph></paragraph><paragraph>mine</paragraph>',
    );
  });
});
