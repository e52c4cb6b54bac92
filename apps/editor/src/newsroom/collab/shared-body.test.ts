import { getArticleSchema } from '@newsroom/article';
import { doc, note, paragraph, ref, text } from '@newsroom/article/test-fixtures';
import { bodyFragment } from '@newsroom/collab';
import { Editor } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createBodyEditorExtensions } from '../body-editor/body-editor-extensions';
import { sharedBodyDocument } from './shared-body';
import { sharedDocWithBody } from './shared-doc-fixture';

// Node 20 has no global navigator; Tiptap's keymaps sniff it for the platform.
if (typeof navigator === 'undefined')
  vi.stubGlobal('navigator', { platform: 'Linux', userAgent: 'node' });

const body = doc(
  [
    paragraph(text('money to Taliban'), ref('t'), text('-affiliated militants')),
    paragraph(text('counter ISIS (Daesh)'), ref('t'), text(' operations')),
  ],
  [note('t', 'A terrorist group outlawed in Russia.')],
);

/** The body editor on a shared document, as the edit page creates it (no view in Node). */
function coEditor(shared: Y.Doc): Editor {
  const noop = () => undefined;
  return new Editor({
    extensions: createBodyEditorExtensions({
      markerStyle: 'numeric',
      shortcuts: { openLinkDialog: noop, openNotePicker: noop, focusToolbar: noop },
      collaboration: { doc: shared, awareness: null, user: { name: 'Ada', color: 'red' } },
    }),
  });
}

describe('the co-editing body editor', () => {
  it('starts with the shared body, once, without changing the shared document', () => {
    const shared = sharedDocWithBody(body);
    const before = Y.encodeStateAsUpdate(shared);
    const editor = coEditor(shared);
    expect(editor.getJSON()).toEqual(yXmlFragmentToProsemirrorJSON(bodyFragment(shared)));
    expect(editor.state.doc.childCount).toBe(3);
    expect(Y.encodeStateAsUpdate(shared)).toEqual(before);
    editor.destroy();
  });
});

describe('sharedBodyDocument', () => {
  it("is made of the very nodes the sync binding's mapping holds for the shared blocks", () => {
    const shared = sharedDocWithBody(body);
    const { doc: first, mapping } = sharedBodyDocument(bodyFragment(shared), getArticleSchema());
    const blocks = bodyFragment(shared).toArray();
    expect(blocks).toHaveLength(first.childCount);
    blocks.forEach((block, index) => expect(mapping.get(block)).toBe(first.child(index)));
  });

  it('an empty shared body is a document with its one empty paragraph', () => {
    const { doc: empty } = sharedBodyDocument(
      new Y.Doc().getXmlFragment('body'),
      getArticleSchema(),
    );
    expect(empty.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    empty.check();
  });
});
