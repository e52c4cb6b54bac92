import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabArticleWith } from '../testing';
import { applyArticle } from './apply-json';
import {
  articleToYDoc,
  hasLegacyTextFields,
  metaMap,
  readTextField,
  SLUG_BY_HAND_FIELD,
  textField,
  upgradeLegacyTextFields,
  writeTextField,
  yDocToArticle,
  type CollabArticle,
} from './article-ydoc';

const article: CollabArticle = collabArticleWith({
  standfirst: 'Ferries cancelled',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] },
});

/** A copy of `doc` as another person's browser holds it. */
const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
/** Sends each copy what the other has. */
const sync = (a: Y.Doc, b: Y.Doc) => {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
};

/** A document as stored before the Y.Texts: headline and standfirst as plain map values. */
function oldFormatDocument() {
  const doc = articleToYDoc({ ...article, title: '', standfirst: '' });
  metaMap(doc).set('title', article.title);
  metaMap(doc).set('standfirst', article.standfirst);
  return doc;
}

describe('headline and standfirst as shared texts', () => {
  it('are Y.Texts that round-trip the working copy', () => {
    const doc = articleToYDoc(article);
    expect(textField(doc, 'title').toString()).toBe(article.title);
    expect(metaMap(doc).has('title')).toBe(false);
    expect(yDocToArticle(doc)).toEqual(article);
  });

  it('keep both people’s letters when they type at different places at once', () => {
    const a = articleToYDoc(article);
    const b = copyOf(a);
    writeTextField(a, 'title', 'Big storm reaches the coast');
    writeTextField(b, 'title', 'Storm reaches the north coast');
    sync(a, b);
    expect(readTextField(a, 'title')).toBe('Big storm reaches the north coast');
    expect(readTextField(b, 'title')).toBe(readTextField(a, 'title'));
  });

  it('write the smallest edit: one insert where letters were added', () => {
    const doc = articleToYDoc(article);
    const changes: unknown[] = [];
    textField(doc, 'title').observe((event) => changes.push(event.delta));
    writeTextField(doc, 'title', 'Storm reaches the far coast');
    expect(changes).toEqual([[{ retain: 18 }, { insert: 'far ' }]]);
  });

  it('a restore (applyArticle) keeps what someone types meanwhile elsewhere in the headline', () => {
    const server = articleToYDoc(article);
    const person = copyOf(server);
    writeTextField(person, 'title', 'Storm reaches the coast tonight');
    applyArticle(server, { ...article, title: 'Gale reaches the coast' });
    sync(server, person);
    expect(readTextField(server, 'title')).toBe('Gale reaches the coast tonight');
    expect(readTextField(person, 'title')).toBe(readTextField(server, 'title'));
  });
});

describe('a working copy changed outside', () => {
  it('marks a slug that is not the headline’s as typed by hand, so no page replaces it', () => {
    const doc = articleToYDoc(article);
    applyArticle(doc, { ...article, title: 'Gale warning', slug: 'gale-warning-2' });
    expect(metaMap(doc).has(SLUG_BY_HAND_FIELD)).toBe(false);
    applyArticle(doc, { ...article, title: 'Gale warning', slug: 'weather' });
    expect(metaMap(doc).get(SLUG_BY_HAND_FIELD)).toBe('1');
    expect(yDocToArticle(doc).slug).toBe('weather');
  });
});

describe('documents stored before the headline and standfirst were texts', () => {
  it('read their old values until upgraded, then the texts', () => {
    const doc = oldFormatDocument();
    expect(hasLegacyTextFields(doc)).toBe(true);
    expect(yDocToArticle(doc).title).toBe(article.title);
    expect(upgradeLegacyTextFields(doc)).toBe(true);
    expect(hasLegacyTextFields(doc)).toBe(false);
    expect(textField(doc, 'title').toString()).toBe(article.title);
    expect(yDocToArticle(doc)).toEqual(article);
    expect(upgradeLegacyTextFields(doc)).toBe(false);
  });

  it('upgraded in two places at once hold the headline once', () => {
    const stored = Y.encodeStateAsUpdate(oldFormatDocument());
    const [one, two] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(one, stored);
    Y.applyUpdate(two, stored);
    upgradeLegacyTextFields(one);
    // The second place upgrades on its first write, as a page does.
    writeTextField(two, 'title', `${article.title} tonight`);
    sync(one, two);
    expect(readTextField(one, 'title')).toBe(`${article.title} tonight`);
    expect(readTextField(two, 'title')).toBe(readTextField(one, 'title'));
    expect(readTextField(one, 'standfirst')).toBe(article.standfirst);
  });

  it('an old copy’s later plain value neither replaces nor doubles the headline', () => {
    const server = oldFormatDocument();
    const oldCopy = copyOf(server); // a browser's IndexedDB copy, still written the old way
    upgradeLegacyTextFields(server);
    writeTextField(server, 'title', '');
    metaMap(oldCopy).set('title', 'Typed offline, the old way');
    sync(server, oldCopy);
    // The emptied headline stays empty: the old value does not come back, on either side.
    expect(readTextField(server, 'title')).toBe('');
    expect(readTextField(oldCopy, 'title')).toBe('');
    expect(yDocToArticle(oldCopy)).toEqual(yDocToArticle(server));
  });
});
