import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderArticle } from './render-article';
import { renderBody } from './render-body';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const ref = (noteId: string): JSONContent => ({ type: 'footnoteReference', attrs: { noteId } });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const notes = (...ids: string[]): JSONContent => ({
  type: 'footnotes',
  content: ids.map((id) => ({ type: 'footnote', attrs: { id }, content: [text(`Note ${id}`)] })),
});
const link = (href: string) => ({ type: 'link', attrs: { href } });

describe('renderBody', () => {
  it('renders blocks, headings and lists', () => {
    const html = renderBody(
      doc(
        { type: 'heading', attrs: { level: 3 }, content: [text('Head')] },
        { type: 'blockquote', content: [p(text('Quote'))] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a'))] }] },
        {
          type: 'orderedList',
          attrs: { start: 3, type: 'i' },
          content: [
            { type: 'listItem', content: [p(text('b'), { type: 'hardBreak' }, text('c'))] },
          ],
        },
        { type: 'heading', attrs: { level: 1 }, content: [text('Clamped')] },
      ),
      'numeric',
    );
    expect(html).toBe(
      [
        '<h3>Head</h3>',
        '<blockquote><p>Quote</p></blockquote>',
        '<ul><li><p>a</p></li></ul>',
        '<ol start="3" type="i"><li><p>b<br>c</p></li></ol>',
        '<h2>Clamped</h2>',
      ].join('\n'),
    );
  });

  it('nests marks in schema order and keeps them open across siblings', () => {
    const html = renderBody(
      doc(
        p(
          text('a', [{ type: 'italic' }, { type: 'bold' }]),
          text('b', [{ type: 'bold' }]),
          text('c'),
        ),
      ),
      'numeric',
    );
    expect(html).toBe('<p><strong><em>a</em>b</strong>c</p>');
  });

  it('renders allowed links with rel for external ones, disallowed ones as text', () => {
    const html = renderBody(
      doc(
        p(
          text('ext', [link('https://example.com/?a=1&b="2"')]),
          text('int', [link('/articles/x')]),
          text('bad', [link('javascript:alert(1)')]),
        ),
      ),
      'numeric',
    );
    expect(html).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;" rel="noopener">ext</a><a href="/articles/x">int</a>bad</p>',
    );
  });

  it('renders as text a stored link the validator now refuses (stored before a stricter check)', () => {
    const refused = [
      'https://bank.example@evil.example/',
      'http://exa\u034Fmple.com/',
      'mailto:?subject=hello',
      '/100%',
    ];
    const html = renderBody(
      doc(p(...refused.map((href, index) => text(`w${index}`, [link(href)]))), {
        type: 'footnotes',
        content: [],
      }),
      'numeric',
    );
    expect(html).toBe('<p>w0w1w2w3</p>');
  });

  it('numbers notes by first reference with stable ids and back-links', () => {
    const html = renderBody(
      doc(p(text('x'), ref('b'), ref('a'), ref('b')), notes('a', 'b')),
      'numeric',
    );
    expect(html).toBe(
      '<p>x' +
        '<sup><a role="doc-noteref" href="#fn-1" id="fnref-1-1">1</a></sup>' +
        '<sup><a role="doc-noteref" href="#fn-2" id="fnref-2-1">2</a></sup>' +
        '<sup><a role="doc-noteref" href="#fn-1" id="fnref-1-2">1</a></sup></p>\n' +
        '<section role="doc-endnotes" aria-label="Notes"><ol class="footnotes footnotes--numeric">' +
        '<li id="fn-1">Note b <a role="doc-backlink" href="#fnref-1-1" aria-label="Back to reference 1">↩</a> <a role="doc-backlink" href="#fnref-1-2" aria-label="Back to reference 2">↩</a></li>' +
        '<li id="fn-2">Note a <a role="doc-backlink" href="#fnref-2-1" aria-label="Back to reference 1">↩</a></li>' +
        '</ol></section>',
    );
  });

  it('never nests a note reference inside a link', () => {
    const linked = { ...ref('a'), marks: [link('/x')] };
    const html = renderBody(doc(p(text('t', [link('/x')]), linked), notes('a')), 'numeric');
    expect(html.split('\n')[0]).toBe(
      '<p><a href="/x">t</a><sup><a role="doc-noteref" href="#fn-1" id="fnref-1-1">1</a></sup></p>',
    );
  });

  it('drops unknown nodes, dangling references and unreferenced notes', () => {
    const html = renderBody(
      doc(
        p(text('a'), ref('ghost')),
        { type: 'rawHtml', content: [text('<b>x</b>')] } as JSONContent,
        notes('unused'),
      ),
      'numeric',
    );
    expect(html).toBe('<p>a</p>');
  });

  it('survives malformed input', () => {
    const junk = {
      type: 'doc',
      content: [
        null,
        3,
        { type: 'paragraph', content: 'x' },
        { type: 'paragraph', content: [{ type: 'text', text: 5 }] },
      ],
    };
    expect(renderBody(junk as unknown as JSONContent, 'numeric')).toBe('<p></p>\n<p></p>');
    expect(renderBody({ type: 'paragraph' }, 'numeric')).toBe('');
  });
});

describe('renderArticle', () => {
  it('appends related links, escaping titles and dropping bad hrefs', () => {
    const html = renderArticle({
      doc: doc(p(text('Body'))),
      markerStyle: 'symbols',
      related: [
        { title: 'Inside <b>', href: '/articles/inside' },
        { title: 'Outside', href: 'https://example.com' },
        { title: 'Evil', href: 'javascript:alert(1)' },
        { title: 'Stored before', href: 'https://bank.example@evil.example/' },
      ],
    });
    expect(html).toBe(
      '<p>Body</p>\n<aside class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related</h2><ul>' +
        '<li><a href="/articles/inside">Inside &lt;b&gt;</a></li>' +
        '<li><a href="https://example.com" rel="noopener">Outside</a></li>' +
        '<li>Evil</li><li>Stored before</li></ul></aside>',
    );
  });

  it('omits the aside without related links', () => {
    expect(renderArticle({ doc: doc(p(text('x'))), markerStyle: 'numeric' })).toBe('<p>x</p>');
  });
});
