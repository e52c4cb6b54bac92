import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderArticle } from './render-article';

const NOTE_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const marks = fc.subarray([
  { type: 'bold' },
  { type: 'italic' },
  { type: 'link', attrs: { href: '/x' } },
]);
const inline = fc.oneof(
  fc.record({ type: fc.constant('text'), text: fc.string({ minLength: 1, maxLength: 12 }), marks }),
  fc.constantFrom(...NOTE_IDS).map((noteId) => ({ type: 'footnoteReference', attrs: { noteId } })),
);
const paragraph = fc
  .array(inline, { maxLength: 8 })
  .map((content) => ({ type: 'paragraph', content }));
const block = fc.oneof(
  paragraph,
  paragraph.map((p) => ({ type: 'blockquote', content: [p] })),
  fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ({
    type: 'bulletList',
    content: ps.map((p) => ({ type: 'listItem', content: [p] })),
  })),
);
const article = fc
  .record({
    body: fc.array(block, { minLength: 1, maxLength: 8 }),
    notes: fc.uniqueArray(fc.constantFrom(...NOTE_IDS), { maxLength: 8 }),
    style: fc.constantFrom('numeric' as const, 'symbols' as const),
  })
  .map(({ body, notes, style }) => ({
    style,
    doc: {
      type: 'doc',
      content: [
        ...body,
        {
          type: 'footnotes',
          content: notes.map((id) => ({
            type: 'footnote',
            attrs: { id },
            content: [{ type: 'text', text: id }],
          })),
        },
      ],
    } as JSONContent,
  }));

const values = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => match[1]);

describe('renderer properties', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(article, ({ doc, style }) => {
        const copy = structuredClone(doc);
        expect(renderArticle({ doc, markerStyle: style })).toBe(
          renderArticle({ doc: copy, markerStyle: style }),
        );
      }),
    );
  });

  it('every note reference and back-link points at an element that exists, and ids are unique', () => {
    fc.assert(
      fc.property(article, ({ doc, style }) => {
        const html = renderArticle({ doc, markerStyle: style });
        const ids = values(html, / id="([^"]+)"/g);
        expect(new Set(ids).size).toBe(ids.length);
        const targets = new Set(ids);
        for (const href of values(html, /role="doc-(?:noteref|backlink)" href="#([^"]+)"/g))
          expect(targets.has(href as string)).toBe(true);
        // Notes are numbered 1..n in order of appearance.
        const numbers = values(html, /<li id="fn-(\d+)"/g).map(Number);
        expect(numbers).toEqual(numbers.map((_, index) => index + 1));
      }),
    );
  });
});
