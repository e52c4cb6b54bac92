import type { JSONContent } from '@tiptap/core';

/** Small builders so tests read like the documents they describe. */
export const text = (value: string): JSONContent => ({ type: 'text', text: value });
export const ref = (noteId: string): JSONContent => ({
  type: 'footnoteReference',
  attrs: { noteId },
});
export const paragraph = (...content: JSONContent[]): JSONContent => ({
  type: 'paragraph',
  content,
});
export const note = (id: string, body = `note ${id}`): JSONContent => ({
  type: 'footnote',
  attrs: { id },
  content: [text(body)],
});
export const doc = (body: JSONContent[], notes?: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: notes ? [...body, { type: 'footnotes', content: notes }] : body,
});
