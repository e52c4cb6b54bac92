import { giveNewTextblocksText } from '@newsroom/collab';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { type ProsemirrorBinding, ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * The blocks this editor adds to the shared body get their text at once, in the same Yjs
 * transaction (why: `giveTextblocksText` in @newsroom/collab). y-tiptap 3.0.9 writes every local
 * change through its binding's `_prosemirrorChanged`; this wraps it in a transaction of our
 * own (its transaction nests into ours), and adds the texts before ours ends.
 */
export const TextInNewBlocks = Extension.create({
  name: 'textInNewBlocks',
  addProseMirrorPlugins() {
    const { schema } = this.editor;
    return [
      new Plugin({
        key: new PluginKey('textInNewBlocks'),
        view(view) {
          const { binding } = ySyncPluginKey.getState(view.state) as {
            binding: ProsemirrorBinding & { _prosemirrorChanged(doc: unknown): void };
          };
          const writeChange = binding._prosemirrorChanged;
          binding._prosemirrorChanged = (doc) =>
            binding.doc.transact((transaction) => {
              writeChange.call(binding, doc);
              giveNewTextblocksText(transaction, schema);
            }, ySyncPluginKey);
          return {
            destroy: () => {
              binding._prosemirrorChanged = writeChange;
            },
          };
        },
      }),
    ];
  },
});
