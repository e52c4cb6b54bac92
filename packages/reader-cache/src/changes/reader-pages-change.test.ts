import { describe, expect, it } from 'vitest';
import { decodeChange, encodeChange, tagsOfChange } from './reader-pages-change';

describe('reader page change messages', () => {
  it('round-trip and name the tags of what changed', () => {
    const change = { articleIds: ['a1', 'a2'], lists: [null, 'world'] };
    expect(decodeChange(encodeChange(change))).toEqual(change);
    expect(tagsOfChange(change)).toEqual([
      'article:a1',
      'article:a2',
      'list:home',
      'list:section:world',
    ]);
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"articleIds":"a1","lists":[]}',
    '{"articleIds":[1],"lists":[]}',
    '{"articleIds":[],"lists":[3]}',
    '{"articleIds":[]}',
  ])('refuses %s', (message) => expect(decodeChange(message)).toBeNull());
});
