import {
  articleMetaSchema,
  validateDocument,
  REPEATED_RELATED_LINK,
  repairedRelated,
  withoutRefusedLinks,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabArticleWith } from '../testing';
import {
  articleToYDoc,
  readRelated,
  relatedArray,
  yDocToArticle,
  type CollabArticle,
} from './article-ydoc';
import { repairStoredLinks } from './refused-links';

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

const article = (body: JSONContent, related: CollabArticle['related'] = []) =>
  collabArticleWith({ body, related });

const bodyOf = (doc: Y.Doc) => yDocToArticle(doc).body;

/** Two servers load the same stored document, each cleans it, and they exchange their changes. */
function cleanedByTwoServers(stored: CollabArticle): [Y.Doc, Y.Doc] {
  const update = Y.encodeStateAsUpdate(articleToYDoc(stored));
  const [one, two] = [new Y.Doc(), new Y.Doc()];
  Y.applyUpdate(one, update);
  Y.applyUpdate(two, update);
  repairStoredLinks(one);
  repairStoredLinks(two);
  Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
  return [one, two];
}

const RELATED: CollabArticle['related'] = [
  { url: 'https://user@example.com/', title: 'Old partner' },
  { articleId: 'a1' },
  { url: 'https://example.com/kept', title: 'Kept' },
  { url: 'http://exa\u034Fmple.com/', title: 'Invisible' },
];
const relatedOf = (doc: Y.Doc) => yDocToArticle(doc).related;

describe('repairStoredLinks', () => {
  it('takes refused links off the shared body as withoutRefusedLinks does to the JSON', () => {
    const doc = articleToYDoc(article(BODY));
    expect(validateDocument(bodyOf(doc)).ok).toBe(false);
    expect(repairStoredLinks(doc)).toBe(true);
    expect(bodyOf(doc)).toEqual(
      yDocToArticle(articleToYDoc(article(withoutRefusedLinks(BODY).doc))).body,
    );
    expect(validateDocument(bodyOf(doc)).ok).toBe(true);
    expect(JSON.stringify(bodyOf(doc))).toContain('https://example.com/');
    expect(repairStoredLinks(doc)).toBe(false);
  });

  it('leaves the same text when two servers clean the same stored document at once', () => {
    const [one, two] = cleanedByTwoServers(article(BODY));
    const expected = yDocToArticle(articleToYDoc(article(withoutRefusedLinks(BODY).doc))).body;
    expect(bodyOf(one)).toEqual(expected);
    expect(bodyOf(two)).toEqual(expected);
  });

  it('takes refused external entries out of the shared related list, as repairedRelated does', () => {
    const doc = articleToYDoc(article(BODY, RELATED));
    expect(articleMetaSchema.shape.related.safeParse(relatedOf(doc)).success).toBe(false);
    expect(repairStoredLinks(doc)).toBe(true);
    expect(relatedOf(doc)).toEqual(repairedRelated(RELATED).related);
    expect(relatedOf(doc)).toEqual([
      { articleId: 'a1' },
      { url: 'https://example.com/kept', title: 'Kept' },
    ]);
    expect(repairStoredLinks(doc)).toBe(false);
  });

  it('changes nothing in a related list the validator accepts', () => {
    const kept = RELATED.slice(1, 3);
    const doc = articleToYDoc(article(withoutRefusedLinks(BODY).doc, kept));
    expect(repairStoredLinks(doc)).toBe(false);
    expect(relatedOf(doc)).toEqual(kept);
  });

  it('leaves one list when two servers clean the same stored related list at once', () => {
    const [one, two] = cleanedByTwoServers(article(BODY, RELATED));
    expect(relatedOf(one)).toEqual(repairedRelated(RELATED).related);
    expect(relatedOf(two)).toEqual(relatedOf(one));
  });
});

/** Stored before the stricter checks: a repeat after normalising, and titles to mend. */
const UNREPAIRED: CollabArticle['related'] = [
  { url: 'https://Example.com/a', title: 'First' },
  { url: 'https://example.org/', title: 'Our\u0000 partner' },
  { articleId: 'a1' },
  { url: 'https://example.com/a', title: 'Again' },
  { url: 'https://news.example.net/story', title: '  ' },
  { articleId: 'a1' },
  { url: 'https://example.com/long', title: 'x'.repeat(400) },
];
const REPAIRED: CollabArticle['related'] = [
  { url: 'https://Example.com/a', title: 'First' },
  { url: 'https://example.org/', title: 'Our partner' },
  { articleId: 'a1' },
  { url: 'https://news.example.net/story', title: 'news.example.net' },
  { url: 'https://example.com/long', title: 'x'.repeat(300) },
];

describe('repairStoredLinks on the related list', () => {
  it('mends titles and takes out repeats, as repairedRelated does', () => {
    const doc = articleToYDoc(article(BODY, UNREPAIRED));
    expect(articleMetaSchema.shape.related.safeParse(relatedOf(doc)).success).toBe(false);
    expect(repairStoredLinks(doc)).toBe(true);
    expect(repairedRelated(UNREPAIRED)).toEqual({
      related: REPAIRED,
      removed: [
        { text: 'Again', problem: REPEATED_RELATED_LINK },
        { text: '', problem: REPEATED_RELATED_LINK },
      ],
    });
    expect(relatedArray(doc).toArray()).toEqual(REPAIRED);
    expect(articleMetaSchema.shape.related.safeParse(relatedOf(doc)).success).toBe(true);
    expect(repairStoredLinks(doc)).toBe(false);
  });

  it('leaves one list, with the same titles, when two servers repair it at once', () => {
    const [one, two] = cleanedByTwoServers(article(BODY, UNREPAIRED));
    for (const doc of [one, two]) {
      expect(relatedOf(doc)).toEqual(REPAIRED);
      expect(readRelated(doc)).toEqual(REPAIRED); // as the edit page reads it
    }
    // Each inserted its own copy of a mended entry: the next repair (on either) drops the second.
    expect(relatedArray(one).toArray()).toEqual(relatedArray(two).toArray());
    repairStoredLinks(one);
    repairStoredLinks(two);
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(relatedArray(one).toArray()).toEqual(REPAIRED);
    expect(relatedArray(two).toArray()).toEqual(REPAIRED);
  });

  it('reads values that are no entry (not from one of our pages) as nothing, and takes them out', () => {
    const doc = articleToYDoc(article(BODY, REPAIRED));
    relatedArray(doc).insert(1, [5, null, 'https://example.com/', [], { title: 'No link' }]);
    expect(readRelated(doc)).toEqual(REPAIRED);
    expect(yDocToArticle(doc).related).toEqual(REPAIRED); // what the server stores
    expect(repairStoredLinks(doc)).toBe(true);
    expect(relatedArray(doc).toArray()).toEqual(REPAIRED);
  });
});
