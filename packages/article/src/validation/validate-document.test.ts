import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { seedArticleDocument } from '../fixtures/seed-article';
import { DANGEROUS_HREFS } from '../fixtures/xss-payloads';
import { doc, note, paragraph, ref, text } from '../footnotes/test-documents';
import { validateDocument } from './validate-document';

function errorsOf(input: unknown) {
  const result = validateDocument(input);
  return result.ok ? [] : result.errors;
}

const linked = (href: unknown): JSONContent =>
  doc([paragraph({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] })]);

describe('validateDocument', () => {
  it('accepts the seed article and editor-shaped JSON with default attrs', () => {
    expect(validateDocument(seedArticleDocument()).ok).toBe(true);
    const editorJson = doc([
      { type: 'heading', attrs: { level: 2 }, content: [text('Head')] },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [{ type: 'listItem', content: [paragraph(text('one'))] }],
      },
      paragraph({
        type: 'text',
        text: 'link',
        marks: [
          { type: 'bold' },
          {
            type: 'link',
            attrs: { href: '/a', target: null, rel: null, class: null, title: null },
          },
        ],
      }),
    ]);
    expect(errorsOf(editorJson)).toEqual([]);
  });

  it('names unknown node types with their path', () => {
    const input = doc([
      paragraph(text('a')),
      paragraph(text('b'), { type: 'script', text: 'alert(1)' }),
    ]);
    expect(errorsOf(input)).toEqual([
      { path: 'content[1].content[1]', message: "unknown node type 'script'" },
    ]);
  });

  it('rejects unknown marks, attributes and properties', () => {
    const input = doc([
      paragraph(
        { type: 'text', text: 'a', marks: [{ type: 'underline' }] },
        { type: 'text', text: 'b', marks: [{ type: 'bold', attrs: { style: 'x' } }] },
      ),
      { type: 'paragraph', attrs: { onclick: 'x' }, content: [] },
      { type: 'paragraph', html: '<b>', content: [] },
    ]);
    expect(errorsOf(input).map((e) => e.message)).toEqual([
      "unknown mark type 'underline'",
      "unknown attribute 'style' on mark 'bold'",
      "unknown attribute 'onclick' on 'paragraph'",
      "unknown property 'html' on 'paragraph'",
    ]);
  });

  it.each(DANGEROUS_HREFS.map((href) => [href]))('rejects link href %j', (href) => {
    const [error] = errorsOf(linked(href));
    expect(error?.path).toBe('content[0].content[0].marks[0].attrs.href');
  });

  it('refuses invisible control characters in a link title, as in the text', () => {
    const titled = (title: string) =>
      doc([
        paragraph({
          type: 'text',
          text: 'x',
          marks: [{ type: 'link', attrs: { href: '/a', title } }],
        }),
      ]);
    expect(errorsOf(titled('Ring\u0007ing'))).toEqual([
      {
        path: 'content[0].content[0].marks[0].attrs.title',
        message: expect.stringContaining('invisible control character (U+0007)'),
      },
    ]);
    expect(errorsOf(titled('Two\nlines and a\ttab'))).toEqual([]);
  });

  it('rejects missing hrefs and headings outside 2–4', () => {
    expect(errorsOf(linked(undefined))[0]?.message).toMatch(/missing attribute 'href'/);
    expect(
      errorsOf(doc([{ type: 'heading', attrs: { level: 1 }, content: [] }]))[0]?.message,
    ).toMatch(/level must be one of 2, 3, 4/);
  });

  it('checks footnote invariants', () => {
    expect(errorsOf(doc([paragraph(ref('missing'))]))).toEqual([
      {
        path: 'content[0].content[0]',
        message: "footnote reference points at missing note 'missing'",
      },
    ]);
    expect(errorsOf(doc([paragraph(ref('a'))], [note('a'), note('a')]))[0]?.message).toMatch(
      /duplicate note id 'a'/,
    );
    const notesFirst = {
      type: 'doc',
      content: [{ type: 'footnotes', content: [note('a')] }, paragraph(ref('a'))],
    };
    expect(errorsOf(notesFirst)[0]?.message).toBe("'footnotes' must be the last block");
    const twoBlocks = {
      type: 'doc',
      content: [
        paragraph(ref('a')),
        { type: 'footnotes', content: [note('a')] },
        { type: 'footnotes', content: [note('b')] },
      ],
    };
    expect(errorsOf(twoBlocks)[0]?.message).toBe("'footnotes' must be the last block");
    const nested = doc([
      { type: 'blockquote', content: [{ type: 'footnotes', content: [note('a')] }] },
    ]);
    expect(errorsOf(nested)[0]?.message).toBe("'footnotes' may only appear at the top level");
    expect(errorsOf(doc([paragraph(ref('bad id!'))]))[0]?.message).toMatch(/noteId must be/);
  });

  it('bounds text, node count and depth', () => {
    const huge = doc([paragraph(text('x'.repeat(200_001)))]);
    expect(errorsOf(huge)[0]?.message).toMatch(/200001 characters/);
    const many = doc(Array.from({ length: 50_001 }, () => paragraph()));
    expect(errorsOf(many)[0]?.message).toMatch(/more than 50000 nodes/);
    let deep: JSONContent = paragraph(text('x'));
    for (let i = 0; i < 30; i++) deep = { type: 'blockquote', content: [deep] };
    expect(errorsOf(doc([deep]))[0]?.message).toMatch(/deeper than 24/);
  });

  it('falls back to the schema for structure', () => {
    const badList = doc([{ type: 'bulletList', content: [{ type: 'listItem', content: [] }] }]);
    expect(errorsOf(badList)[0]?.message).toMatch(/^invalid structure/);
    expect(errorsOf({ type: 'paragraph' })[0]?.message).toBe(
      "document must be of type 'doc', not 'paragraph'",
    );
    expect(errorsOf('nope')[0]?.message).toBe('node must be an object with a type');
    expect(errorsOf(doc([paragraph({ type: 'text', text: '' })]))[0]?.message).toBe(
      'text node must have non-empty text',
    );
  });
});
