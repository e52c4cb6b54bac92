import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRelated, relabelRelated, relatedArray } from './article-ydoc';

function docWith(entries: unknown[]) {
  const doc = new Y.Doc();
  relatedArray(doc).push(entries);
  return doc;
}

describe('relabelRelated', () => {
  it('gives internal entries the current title and address, keeping entries and order', () => {
    const doc = docWith([
      { articleId: 'a1', title: 'Draft headline', href: null },
      { url: 'https://example.com/', title: 'Elsewhere' },
      { articleId: 'a2', title: 'Old headline', href: '/world/old' },
      { articleId: 'gone' },
    ]);
    const changed = relabelRelated(doc, [
      { articleId: 'a1', title: 'Not for everyone', href: null },
      { articleId: 'a2', title: 'New headline', href: '/world/new' },
    ]);
    expect(changed).toBe(true);
    expect(readRelated(doc)).toEqual([
      { articleId: 'a1', title: 'Not for everyone', href: null },
      { url: 'https://example.com/', title: 'Elsewhere' },
      { articleId: 'a2', title: 'New headline', href: '/world/new' },
      { articleId: 'gone' },
    ]);
  });

  it('changes nothing when every label is current (an entry without href counts as none)', () => {
    const doc = docWith([{ articleId: 'a1', title: 'Same' }]);
    const before = Y.encodeStateVector(doc);
    expect(relabelRelated(doc, [{ articleId: 'a1', title: 'Same', href: null }])).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
