import { articleExtensions } from '@newsroom/article';
import { generateHTML } from '@tiptap/html';
import type { JSONContent } from '@tiptap/core';
import { expect, it } from 'vitest';
import { renderBody } from './render-body';

// Outside footnotes, links and separators, our markup should be exactly ProseMirror's
// (we also escape quotes in text, which a DOM serializer need not).
it('matches generateHTML for plain rich text', () => {
  const doc: JSONContent = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A & B <c>' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'both', marks: [{ type: 'italic' }, { type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: '"quoted"' },
        ],
      },
      {
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }],
      },
      {
        type: 'orderedList',
        attrs: { start: 2, type: null },
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'i' }] }],
          },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
    ],
  };
  const ours = renderBody(doc, 'numeric')
    .replaceAll('\n', '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'");
  expect(ours).toBe(generateHTML(doc, articleExtensions));
});
