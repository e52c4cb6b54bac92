// @vitest-environment happy-dom
import { bodyFragment } from '@newsroom/collab';
import type { Editor, JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mountedCoEditor, sharedBody, sharedDocWithBody, sync } from './shared-doc-fixture';

const paragraphs = (texts: string[]): JSONContent => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** My caret (or selection) moved to the text positions nearest `anchor` and `head`. */
function moveCaret(editor: Editor, { anchor, head }: { anchor: number; head: number }): void {
  const { doc } = editor.state;
  const near = (pos: number) => TextSelection.near(doc.resolve(pos % (doc.content.size + 1)));
  const selection = TextSelection.between(near(anchor).$head, near(head).$head);
  editor.view.dispatch(editor.state.tr.setSelection(selection));
}

/** An edit another person makes, numbers read against their document at that moment. */
type Edit =
  | { kind: 'type'; block: number; offset: number; text: string }
  | { kind: 'delete'; block: number; offset: number; length: number }
  | { kind: 'bold'; block: number; offset: number; length: number }
  | { kind: 'paragraph'; block: number; text: string }
  | { kind: 'dropBlock'; block: number };

const nat = fc.nat({ max: 1000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    block: nat,
    offset: nat,
    text: fc.string({ minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    block: nat,
    offset: nat,
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('bold' as const),
    block: nat,
    offset: nat,
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('paragraph' as const),
    block: nat,
    text: fc.string({ minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('dropBlock' as const), block: nat }),
);

/** The paragraph's text, or none when it holds anything else. */
function textOf(block: Y.XmlElement): Y.XmlText | null {
  const [child] = block.toArray();
  return child instanceof Y.XmlText ? child : null;
}

function applyEdit(doc: Y.Doc, change: Edit): void {
  const fragment = bodyFragment(doc);
  const blocks = fragment.toArray().filter((node) => node instanceof Y.XmlElement);
  const block = blocks[change.block % blocks.length];
  if (!block) return;
  const text = textOf(block);
  doc.transact(() => {
    switch (change.kind) {
      case 'type':
        text?.insert(change.offset % (text.length + 1), change.text);
        break;
      case 'delete':
      case 'bold': {
        if (!text || text.length === 0) break;
        const at = change.offset % text.length;
        const length = Math.min(change.length, text.length - at);
        if (change.kind === 'bold') text.format(at, length, { bold: {} });
        else text.delete(at, length);
        break;
      }
      case 'paragraph': {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(change.text)]);
        fragment.insert(fragment.toArray().indexOf(block), [paragraph]);
        break;
      }
      case 'dropBlock': {
        // Any block, the one holding my caret included.
        if (blocks.length > 1) fragment.delete(fragment.toArray().indexOf(block), 1);
        break;
      }
    }
  });
}

/** One moment: another person's edit (delivered to me or not yet), then maybe my own move and key. */
const step = fc.record({
  person: fc.nat({ max: 1 }),
  edit,
  deliver: fc.boolean(),
  caret: fc.option(fc.record({ anchor: nat, head: fc.oneof(nat, fc.constant(-1)) })),
  typed: fc.option(fc.string({ minLength: 1, maxLength: 3 })),
});

describe('the co-editing body under remote changes (mapping kept between them)', () => {
  it('always shows exactly the shared body, whatever others change and in whatever order', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const mine = sharedDocWithBody(
          paragraphs(['One two three', 'Four five', 'Six seven eight']),
        );
        const others = [new Y.Doc(), new Y.Doc()];
        for (const other of others) sync(mine, other);
        const editor = mountedCoEditor(mine);
        try {
          for (const { person, edit: change, deliver, caret, typed } of steps) {
            const other = others[person]!;
            applyEdit(other, change);
            if (caret)
              moveCaret(editor, {
                anchor: caret.anchor,
                head: caret.head < 0 ? caret.anchor : caret.head,
              });
            if (deliver) sync(other, mine);
            expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
            if (typed) editor.commands.insertContent(typed);
            if (deliver) sync(mine, other);
          }
          for (const other of others) sync(other, mine);
          for (const other of others) sync(mine, other);
          expect(editor.state.doc.toJSON()).toEqual(sharedBody(mine));
          for (const other of others) expect(sharedBody(other)).toEqual(sharedBody(mine));
        } finally {
          editor.destroy();
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });

  it('keeps the nodes of the blocks a remote change did not touch', () => {
    const mine = sharedDocWithBody(paragraphs(['One two three', 'Four five', 'Six seven eight']));
    const other = new Y.Doc();
    sync(mine, other);
    const editor = mountedCoEditor(mine);
    const before = editor.state.doc;
    applyEdit(other, { kind: 'type', block: 0, offset: 3, text: '!' });
    sync(other, mine);
    const after = editor.state.doc;
    expect(after.child(0).textContent).toBe('One! two three');
    expect(after.child(1)).toBe(before.child(1));
    expect(after.child(2)).toBe(before.child(2));
    editor.destroy();
  });
});
