import { validateDocument, withoutRefusedLinks } from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabArticleWith } from '../testing';
import { articleToYDoc, yDocToArticle } from './article-ydoc';
import { dropRefusedLinks } from './refused-links';

const link = (href: string) => ({ type: 'link', attrs: { href } });
const text = (words: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: words, marks } : { type: 'text', text: words };

const BODY: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        text('Read '),
        text('the ', [link('https://user@example.com/')]),
        text('report', [{ type: 'bold' }, link('https://user@example.com/')]),
        text(', '),
        text('kept', [link('https://example.com/')]),
        text(' and '),
        text('this', [link('javascript:alert(1)')]),
        { type: 'footnoteReference', attrs: { noteId: 'n1' } },
      ],
    },
    {
      type: 'footnotes',
      content: [
        {
          type: 'footnote',
          attrs: { id: 'n1' },
          content: [text('Source: '), text('here', [link('mailto:?subject=x')])],
        },
      ],
    },
  ],
};

const article = (body: JSONContent) => collabArticleWith({ body });

const bodyOf = (doc: Y.Doc) => yDocToArticle(doc).body;

describe('dropRefusedLinks', () => {
  it('takes refused links off the shared body as withoutRefusedLinks does to the JSON', () => {
    const doc = articleToYDoc(article(BODY));
    expect(validateDocument(bodyOf(doc)).ok).toBe(false);
    expect(dropRefusedLinks(doc)).toBe(true);
    expect(bodyOf(doc)).toEqual(
      yDocToArticle(articleToYDoc(article(withoutRefusedLinks(BODY).doc))).body,
    );
    expect(validateDocument(bodyOf(doc)).ok).toBe(true);
    expect(JSON.stringify(bodyOf(doc))).toContain('https://example.com/');
    expect(dropRefusedLinks(doc)).toBe(false);
  });

  it('leaves the same text when two servers clean the same stored document at once', () => {
    const stored = Y.encodeStateAsUpdate(articleToYDoc(article(BODY)));
    const [one, two] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(one, stored);
    Y.applyUpdate(two, stored);
    dropRefusedLinks(one);
    dropRefusedLinks(two);
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const expected = yDocToArticle(articleToYDoc(article(withoutRefusedLinks(BODY).doc))).body;
    expect(bodyOf(one)).toEqual(expected);
    expect(bodyOf(two)).toEqual(expected);
  });
});
