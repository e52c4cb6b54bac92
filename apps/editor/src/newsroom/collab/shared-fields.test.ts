import { relatedArray, yDocToArticle } from '@newsroom/collab';
import type { RelatedEntry } from '@newsroom/editorial';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observeSharedMeta, readSharedMeta, writeSharedMeta } from './shared-fields';

const link = (n: number): RelatedEntry => ({ url: `https://example.com/${n}`, title: `Link ${n}` });
const titles = (doc: Y.Doc) => readSharedMeta(doc).related.map((entry) => entry.title);

/** Two people's copies of one document, each changed on its own, then synced both ways. */
function twoCopies(start: RelatedEntry[]) {
  const a = new Y.Doc();
  writeSharedMeta(a, { related: start });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { a, b, sync };
}

describe('related links in the shared document', () => {
  it('applies a move, a removal and an addition as such', () => {
    const doc = new Y.Doc();
    writeSharedMeta(doc, { related: [link(1), link(2), link(3)] });
    writeSharedMeta(doc, { related: [link(3), link(1), link(2)] });
    expect(titles(doc)).toEqual(['Link 3', 'Link 1', 'Link 2']);
    writeSharedMeta(doc, { related: [link(3), link(2), link(4)] });
    expect(titles(doc)).toEqual(['Link 3', 'Link 2', 'Link 4']);
    expect(relatedArray(doc).length).toBe(3);
  });

  it('keeps two people’s moves of different links without copying the list', () => {
    const { a, b, sync } = twoCopies([link(1), link(2), link(3), link(4)]);
    writeSharedMeta(a, { related: [link(2), link(1), link(3), link(4)] }); // Link 1 down
    writeSharedMeta(b, { related: [link(1), link(2), link(4), link(3)] }); // Link 4 up
    sync();
    expect(titles(a)).toEqual(titles(b));
    expect([...titles(a)].sort()).toEqual(['Link 1', 'Link 2', 'Link 3', 'Link 4']);
  });

  it('shows a link two people moved at once once, and drops the copy with the next change', () => {
    const { a, b, sync } = twoCopies([link(1), link(2), link(3)]);
    writeSharedMeta(a, { related: [link(2), link(3), link(1)] }); // Link 1 to the end
    writeSharedMeta(b, { related: [link(2), link(1), link(3)] }); // Link 1 down one
    sync();
    expect(relatedArray(a).length).toBe(4); // both put Link 1 back
    expect(titles(a)).toEqual(titles(b));
    expect([...titles(a)].sort()).toEqual(['Link 1', 'Link 2', 'Link 3']);
    expect(yDocToArticle(a).related).toEqual(readSharedMeta(a).related);
    writeSharedMeta(a, { related: [...readSharedMeta(a).related, link(4)] });
    sync();
    expect(relatedArray(b).toArray()).toEqual(readSharedMeta(b).related);
    expect(titles(b)).toHaveLength(4);
  });

  it('shows a link two people added at once once', () => {
    const { a, b, sync } = twoCopies([link(1)]);
    writeSharedMeta(a, { related: [link(1), link(2)] });
    writeSharedMeta(b, { related: [link(1), link(2)] });
    sync();
    expect(titles(a)).toEqual(['Link 1', 'Link 2']);
    expect(titles(b)).toEqual(['Link 1', 'Link 2']);
  });

  it('keeps a removal made while someone else moved another link', () => {
    const { a, b, sync } = twoCopies([link(1), link(2), link(3)]);
    writeSharedMeta(a, { related: [link(1), link(3)] }); // Link 2 removed
    writeSharedMeta(b, { related: [link(1), link(3), link(2)] }); // Link 3 up
    sync();
    expect(titles(a)).toEqual(titles(b));
    expect([...titles(a)].sort()).toEqual(['Link 1', 'Link 3']);
  });

  it('reads values another client put in the list that are no link as nothing, and drops them on the next change', () => {
    const doc = new Y.Doc();
    writeSharedMeta(doc, { related: [link(1), link(2)] });
    relatedArray(doc).insert(1, [7, null, ['x']]);
    expect(titles(doc)).toEqual(['Link 1', 'Link 2']);
    writeSharedMeta(doc, { related: [link(2), link(1)] });
    expect(relatedArray(doc).toArray()).toEqual([link(2), link(1)]);
  });
});

describe('headline and standfirst in the shared document', () => {
  it('keep both people’s letters when they type in the same field at once', () => {
    const { a, b, sync } = twoCopies([]);
    writeSharedMeta(a, { title: 'Storm reaches the coast', standfirst: 'Ferries cancelled' });
    sync();
    // Each page writes its field's whole new value; only the letters typed go into the document.
    writeSharedMeta(a, { title: 'Big storm reaches the coast' });
    writeSharedMeta(b, {
      title: 'Storm reaches the north coast',
      standfirst: 'All ferries cancelled',
    });
    sync();
    expect(readSharedMeta(a).title).toBe('Big storm reaches the north coast');
    expect(readSharedMeta(b)).toEqual(readSharedMeta(a));
    expect(readSharedMeta(a).standfirst).toBe('All ferries cancelled');
  });

  it('tells the page about a change to the headline', () => {
    const doc = new Y.Doc();
    let changes = 0;
    const stop = observeSharedMeta(doc, () => (changes += 1));
    writeSharedMeta(doc, { title: 'Storm' });
    expect(changes).toBe(1);
    stop();
    writeSharedMeta(doc, { title: 'Storm again' });
    expect(changes).toBe(1);
  });
});
