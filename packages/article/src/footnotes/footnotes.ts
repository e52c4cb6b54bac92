import { mergeAttributes, Node } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import {
  insertFootnote,
  insertFootnoteReference,
  type InsertFootnoteOptions,
  setFootnoteMarkerStyle,
} from './footnote-commands';
import { createFootnotePlugin } from './footnote-plugin';
import type { MarkerStyle } from './markers';
import { FOOTNOTES } from './names';

export interface FootnotesOptions {
  /** Initial marker style; change it live with `setFootnoteMarkerStyle`. */
  markerStyle: MarkerStyle;
  /** Transactions from other editors (co-editing), which the footnote plugin leaves alone. */
  isRemoteTransaction?: (tr: Transaction) => boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnotes: {
      /** Inserts a reference at the cursor and a new note in its place among the notes. */
      insertFootnote: (options?: InsertFootnoteOptions) => ReturnType;
      /** Inserts another reference to an existing note at the cursor. */
      insertFootnoteReference: (noteId: string) => ReturnType;
      setFootnoteMarkerStyle: (style: MarkerStyle) => ReturnType;
    };
  }
}

/**
 * The notes block. It is not in the `block` group: the document's content expression
 * (`block+ footnotes?`) is the only place it may appear, which keeps it single and last.
 */
export const Footnotes = Node.create<FootnotesOptions>({
  name: FOOTNOTES,
  content: 'footnote+',
  isolating: true,
  selectable: false,
  draggable: false,

  addOptions() {
    return { markerStyle: 'numeric' };
  },

  parseHTML() {
    return [{ tag: 'section[data-footnotes]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'section',
      mergeAttributes({ 'data-footnotes': '', class: 'footnotes' }, HTMLAttributes),
      ['ol', 0],
    ];
  },

  addCommands() {
    return { insertFootnote, insertFootnoteReference, setFootnoteMarkerStyle };
  },

  addProseMirrorPlugins() {
    return [createFootnotePlugin(this.options.markerStyle, this.options.isRemoteTransaction)];
  },
});
