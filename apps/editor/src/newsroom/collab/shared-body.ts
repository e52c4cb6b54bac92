import { type Content, Extension, type Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { CaretAfterRemoteChange } from './caret-after-remote-change';
import { RemovedNoteGuard } from './removed-note';
import { TextInNewBlocks } from './text-in-new-blocks';
import { syncPluginWritingAfterFrame, type WritesAfterFrame } from './writes-after-frame';

/** The sync binding's mapping of Y types to the nodes rendered from them. */
type BindingMapping = ReturnType<typeof initProseMirrorDoc>['mapping'];

/**
 * The body as the shared document holds it, as the editor's first document: the fragment
 * rendered once with y-tiptap's own `initProseMirrorDoc`, fitted into the document node as the
 * sync plugin fits every render (a fragment without blocks gets its empty paragraph).
 */
export function sharedBodyDocument(
  fragment: Y.XmlFragment,
  schema: Parameters<typeof initProseMirrorDoc>[1],
): { doc: ProseMirrorNode; mapping: BindingMapping } {
  const rendered = initProseMirrorDoc(fragment, schema);
  const empty = schema.topNodeType.createAndFill();
  if (!empty) throw new Error('the article schema has no empty document');
  const doc = new Transform(empty).replace(
    0,
    empty.content.size,
    new Slice(Fragment.from(rendered.doc.content), 0, 0),
  ).doc;
  return { doc, mapping: rendered.mapping };
}

/**
 * The binding's mapping, kept across remote changes. y-tiptap 3.0.9 empties it on every remote
 * change (after removing the entries of the changed types, their parents and deleted types) and
 * so renders the whole body anew for each key another person types: a 10,000-word article
 * rebuilt per remote key, and every node again new to the editor's view (see below). Without
 * the emptying, the unchanged blocks keep their nodes, as in upstream y-prosemirror, whose
 * `_typeChanged` does exactly the removals and no more. `reset()` empties it for real.
 */
export class LastingMapping extends Map<
  Parameters<BindingMapping['get']>[0],
  ReturnType<BindingMapping['get']>
> {
  override clear() {}

  reset() {
    super.clear();
  }
}

/**
 * Tiptap's Collaboration on the article's shared body, given its first document up front.
 *
 * Without it, y-tiptap renders the body from Yjs each time its plugin view is created, and the
 * React editor creates plugin views twice (mounting, then EditorContent registers a plugin).
 * The second render makes every node anew: equal, but no longer the objects the editor's view
 * holds, so from then on every key press compared the whole article node by node (~0.7 ms per
 * key in a 10,000-word article). Rendered once, with the binding's mapping passed to the sync
 * plugin (which then never re-renders on its own), the view, the state and the binding share
 * one set of nodes, as without co-editing.
 */
export function createSharedBody(
  fragment: Y.XmlFragment,
  writes: WritesAfterFrame | null,
): Extensions {
  // The binding's Y type ↔ node mapping: filled when the editor is created, one per editor.
  const mapping = new LastingMapping();
  const FirstDocument = Extension.create({
    name: 'sharedBodyFirstDocument',
    onBeforeCreate() {
      const first = sharedBodyDocument(fragment, this.editor.schema);
      mapping.reset();
      first.mapping.forEach((node, type) => mapping.set(type, node));
      // Tiptap takes a ProseMirror node as the document itself (not re-parsed, so the nodes stay
      // the binding's); its `Content` type only names HTML and JSON.
      this.editor.setOptions({ content: first.doc as unknown as Content });
    },
  });
  return [
    (writes ? collaborationWritingAfterFrame(writes) : Collaboration).configure({
      fragment,
      ySyncOptions: { mapping },
    }),
    FirstDocument,
    CaretAfterRemoteChange,
    RemovedNoteGuard,
    TextInNewBlocks,
  ];
}

/**
 * Collaboration writing this editor's changes after the frame (see WritesAfterFrame). Undo and
 * redo write what waits first: undone is then the change the person just made, not the one
 * before it.
 */
function collaborationWritingAfterFrame(writes: WritesAfterFrame) {
  return Collaboration.extend({
    addCommands() {
      const { undo, redo } = this.parent?.() ?? {};
      if (!undo || !redo) throw new Error('Collaboration has no undo and redo');
      return {
        undo: () => (props) => {
          writes.flush();
          return undo()(props);
        },
        redo: () => (props) => {
          writes.flush();
          return redo()(props);
        },
      };
    },
    addProseMirrorPlugins() {
      return (this.parent?.() ?? []).map((plugin) =>
        plugin.spec.key === ySyncPluginKey ? syncPluginWritingAfterFrame(plugin, writes) : plugin,
      );
    },
  });
}
