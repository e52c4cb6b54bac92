import { getArticleSchema } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabArticleWith } from '../testing';
import { applyBodyJson } from './apply-json';
import { articleToYDoc, bodyFragment, yDocToArticle, type CollabArticle } from './article-ydoc';

const article = (body: CollabArticle['body']) => collabArticleWith({ body });

const emptyParagraph = { type: 'paragraph' };
const words = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** What each block of the shared body holds: its children's kinds. */
const children = (doc: Y.Doc) =>
  bodyFragment(doc)
    .toArray()
    .map((block) => (block as Y.XmlElement).toArray().map((child) => child.constructor.name));

describe('every textblock of the shared body holds its text from the start', () => {
  it('seeded from a working copy: the empty paragraph has its (empty) text', () => {
    const doc = articleToYDoc(article({ type: 'doc', content: [emptyParagraph, words('a')] }));
    expect(children(doc)).toEqual([['YXmlText'], ['YXmlText']]);
    // The working copy still spells an empty paragraph as the editor does.
    expect(yDocToArticle(doc).body).toEqual({ type: 'doc', content: [emptyParagraph, words('a')] });
  });

  it('a body applied from JSON (restore, REST save): new empty paragraphs get theirs', () => {
    const doc = articleToYDoc(article({ type: 'doc', content: [words('a')] }));
    applyBodyJson(doc, { type: 'doc', content: [words('a'), emptyParagraph, emptyParagraph] });
    expect(children(doc)).toEqual([['YXmlText'], ['YXmlText'], ['YXmlText']]);
  });

  it('two people typing into it at once both write into that one text', () => {
    const doc = articleToYDoc(article({ type: 'doc', content: [emptyParagraph] }));
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    for (const person of [a, b]) Y.applyUpdate(person, Y.encodeStateAsUpdate(doc));
    for (const [person, letter] of [
      [a, 'x'],
      [b, 'y'],
    ] as const)
      ((bodyFragment(person).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, letter);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(children(a)).toEqual([['YXmlText']]);
    expect(getArticleSchema().nodeFromJSON(yDocToArticle(a).body).textContent).toHaveLength(2);
  });
});
