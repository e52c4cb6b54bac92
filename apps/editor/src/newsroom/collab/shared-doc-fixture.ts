// Test helpers (not part of the app): a shared document holding `body`, as the collaboration
// server seeds it from a working copy, and the body editor on it as the edit page mounts it.
import { getArticleSchema } from '@newsroom/article';
import { articleToYDoc, bodyFragment } from '@newsroom/collab';
import { collabArticleWith } from '@newsroom/collab/testing';
import { Editor, type JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { createBodyEditorExtensions } from '../body-editor/body-editor-extensions';
import { sharedBodyDocument } from './shared-body';
import type { WritesAfterFrame } from './writes-after-frame';

export function sharedDocWithBody(body: JSONContent): Y.Doc {
  return articleToYDoc(collabArticleWith({ body }));
}

/**
 * The co-editing body editor on `shared`, mounted in the page (a DOM test environment), so its
 * plugin views run and it applies every change that reaches the Y.Doc, as in the browser. With
 * `writes`, its changes wait there for the frame, as on the edit page.
 */
export function mountedCoEditor(shared: Y.Doc, writes?: WritesAfterFrame): Editor {
  const noop = () => undefined;
  const element = document.createElement('div');
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: createBodyEditorExtensions({
      markerStyle: 'numeric',
      shortcuts: { openLinkDialog: noop, openNotePicker: noop, focusToolbar: noop },
      collaboration: { doc: shared, awareness: null, user: { name: 'Ada', color: 'red' }, writes },
    }),
  });
  editor.on('destroy', () => element.remove());
  return editor;
}

/** The shared body rendered afresh (not by any editor), as ProseMirror JSON. */
export const sharedBody = (doc: Y.Doc) =>
  sharedBodyDocument(bodyFragment(doc), getArticleSchema()).doc.toJSON() as unknown;

/** Everything `from` has that `to` lacks, delivered as the provider delivers it. */
export const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
