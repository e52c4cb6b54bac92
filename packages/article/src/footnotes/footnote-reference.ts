import { mergeAttributes, Node } from '@tiptap/core';
import { FOOTNOTE_REFERENCE } from './names';

/**
 * An inline atom pointing at a note by id. It stores no marker: the footnote plugin decorates
 * it with `data-marker` (shown via CSS, see `footnoteEditorCss`) so numbering is always live.
 */
export const FootnoteReference = Node.create({
  name: FOOTNOTE_REFERENCE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      noteId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-note-id'),
        renderHTML: (attributes) => ({ 'data-note-id': attributes.noteId as string | null }),
      },
    };
  },

  // Copy/paste inside the editor goes through this rule, which is what keeps the noteId.
  parseHTML() {
    return [{ tag: 'sup[data-footnote-reference]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'sup',
      mergeAttributes(
        { 'data-footnote-reference': '', class: 'footnote-reference' },
        HTMLAttributes,
      ),
    ];
  },

  renderText() {
    return '';
  },
});
