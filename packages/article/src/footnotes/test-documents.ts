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
export const image = (attrs: Record<string, unknown> = {}): JSONContent => ({
  type: 'image',
  attrs: {
    imageId: 'cimg0000000000000001',
    alt: 'A flooded road',
    caption: 'The valley road on Monday',
    credit: 'Jane Doe / Agency',
    width: 2000,
    height: 1333,
    ...attrs,
  },
});
