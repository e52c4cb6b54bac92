import Document from '@tiptap/extension-document';

/** Body blocks, then at most one notes block, always last: enforced by the schema itself. */
export const ArticleDocument = Document.extend({
  content: 'block+ footnotes?',
});
