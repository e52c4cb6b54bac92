import { validateArticle } from '@newsroom/article';
import { DANGEROUS_HREFS, DANGEROUS_TEXT } from '@newsroom/article/test-fixtures';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup } from './html-safety';
import { renderArticle } from './render-article';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const PAYLOADS = [...DANGEROUS_HREFS.filter(Boolean), ...DANGEROUS_TEXT];

/** One article with every payload everywhere: text, attributes, links, notes, related links. */
function hostileArticle(): { doc: JSONContent; related: { title: string; href: string }[] } {
  const body: JSONContent[] = PAYLOADS.map((payload, index) => ({
    type: 'paragraph',
    content: [
      text(payload),
      text(payload, [{ type: 'link', attrs: { href: payload, title: payload, target: payload } }]),
      { type: 'footnoteReference', attrs: { noteId: `n${index}` } },
      { type: 'footnoteReference', attrs: { noteId: payload } },
    ],
  }));
  const notes: JSONContent[] = PAYLOADS.flatMap((payload, index) => [
    {
      type: 'footnote',
      attrs: { id: `n${index}` },
      content: [text(payload, [{ type: 'link', attrs: { href: payload } }])],
    },
    { type: 'footnote', attrs: { id: payload }, content: [text(payload)] },
  ]);
  body.push({ type: 'heading', attrs: { level: '2 onclick=alert(1)' }, content: [text('h')] });
  body.push({
    type: 'orderedList',
    attrs: { start: '1" onclick="alert(1)', type: '"><script>' },
    content: [],
  });
  body.push({ type: PAYLOADS[0] ?? 'x', content: [text('unknown')] } as JSONContent);
  return {
    doc: { type: 'doc', content: [...body, { type: 'footnotes', content: notes }] },
    related: PAYLOADS.map((payload) => ({ title: payload, href: payload })),
  };
}

describe('XSS corpus', () => {
  it('has at least 50 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(['numeric', 'symbols'] as const)(
    'renders nothing executable (%s markers)',
    (markerStyle) => {
      const { doc, related } = hostileArticle();
      const html = renderArticle({ doc, markerStyle, related });
      expect(findUnsafeMarkup(html)).toEqual([]);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/href="\s*(?:javascript|data|vbscript):/i);
      expect(html).not.toContain('//evil.com"');
    },
  );

  it.each(DANGEROUS_HREFS.map((href) => [href]))(
    'validation rejects body and related href %j',
    (href) => {
      const body = {
        type: 'doc',
        content: [{ type: 'paragraph', content: [text('x', [{ type: 'link', attrs: { href } }])] }],
      };
      expect(validateArticle({ title: 't', slug: 's', sectionId: 'x', body }).ok).toBe(false);
      const related = [{ title: 't', url: href }];
      const plainBody = { type: 'doc', content: [{ type: 'paragraph' }] };
      expect(
        validateArticle({ title: 't', slug: 's', sectionId: 'x', body: plainBody, related }).ok,
      ).toBe(false);
    },
  );

  it('the safety checker itself catches what it should', () => {
    expect(
      findUnsafeMarkup('<a href=" java\tscript:x">a</a><b onclick="x">b</b><script></script>'),
    ).toHaveLength(4);
  });
});
