// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { mountedCoEditor, sharedBody, sharedDocWithBody, sync } from './shared-doc-fixture';
import { WritesAfterFrame } from './writes-after-frame';

const opened: Editor[] = [];
afterEach(() => {
  for (const editor of opened.splice(0)) if (!editor.isDestroyed) editor.destroy();
});

/** A shared document with one paragraph, "Lead.", and an editor on it with its caret at the end. */
function editorWritingAfterFrame() {
  const shared = sharedDocWithBody({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Lead.' }] }],
  });
  const writes = new WritesAfterFrame();
  const editor = mountedCoEditor(shared, writes);
  opened.push(editor);
  editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 1);
  return { shared, writes, editor };
}

const shownText = (editor: Editor) => editor.state.doc.textContent;
const sharedText = (shared: Y.Doc) =>
  JSON.stringify(sharedBody(shared))
    .match(/"text":"([^"]*)"/g)
    ?.join('') ?? '';

describe('an editor writing its changes after the frame', () => {
  it('shows a key at once and writes it to the shared document after the frame, by itself', async () => {
    const { shared, editor } = editorWritingAfterFrame();
    editor.commands.insertContent(' More');
    expect(shownText(editor)).toBe('Lead. More');
    expect(sharedText(shared)).not.toContain('More');
    await vi.waitFor(() => expect(sharedBody(shared)).toEqual(editor.state.doc.toJSON()));
  });

  it('writes what waits before its next change, so each is the change y-tiptap would write', () => {
    const { shared, writes, editor } = editorWritingAfterFrame();
    editor.commands.insertContent(' One');
    const updates: Uint8Array[] = [];
    shared.on('update', (update: Uint8Array) => updates.push(update));
    editor.commands.insertContent(' two');
    expect(updates).toHaveLength(1);
    writes.flush();
    expect(updates).toHaveLength(2);
    expect(sharedBody(shared)).toEqual(editor.state.doc.toJSON());
  });

  it('undo takes back the change just made, though it was still waiting', () => {
    const { shared, editor } = editorWritingAfterFrame();
    editor.commands.insertContent(' Typo');
    expect(editor.commands.undo()).toBe(true);
    expect(shownText(editor)).toBe('Lead.');
    expect(sharedBody(shared)).toEqual(editor.state.doc.toJSON());
    expect(editor.commands.redo()).toBe(true);
    expect(shownText(editor)).toBe('Lead. Typo');
  });

  it("keeps a waiting change when another person's change arrives first", () => {
    const { shared, editor } = editorWritingAfterFrame();
    const other = new Y.Doc();
    sync(shared, other);
    const otherEditor = mountedCoEditor(other);
    opened.push(otherEditor);
    otherEditor.commands.setTextSelection(1);
    otherEditor.commands.insertContent('Breaking: ');

    editor.commands.insertContent(' Mine');
    sync(other, shared);

    expect(shownText(editor)).toBe('Breaking: Lead. Mine');
    expect(sharedBody(shared)).toEqual(editor.state.doc.toJSON());
    sync(shared, other);
    expect(shownText(otherEditor)).toBe('Breaking: Lead. Mine');
  });

  it('writes what waits when the editor closes', () => {
    const { shared, editor } = editorWritingAfterFrame();
    editor.commands.insertContent(' Last words');
    editor.destroy();
    expect(sharedText(shared)).toContain('Last words');
  });
});
