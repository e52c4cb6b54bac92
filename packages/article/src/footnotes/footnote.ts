import { mergeAttributes, Node } from '@tiptap/core';
import { FOOTNOTE } from './names';

/** One note: inline rich text (bold, italic, links) identified by a stable `id`. */
export const Footnote = Node.create({
  name: FOOTNOTE,
  content: '(text | hardBreak)*',
  marks: 'bold italic link',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-footnote-id'),
        renderHTML: (attributes) => ({ 'data-footnote-id': attributes.id as string | null }),
      },
    };
  },

  parseHTML() {
    // Above the list item rule, which would otherwise claim every <li>.
    return [{ tag: 'li[data-footnote-id]', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['li', mergeAttributes({ class: 'footnote' }, HTMLAttributes), 0];
  },
});
