import { describe, expect, it } from 'vitest';
import { decodeChange, encodeChange, tagsOfChange } from './reader-pages-change';

describe('reader page change messages', () => {
  it('round-trip and name the tags of what changed', () => {
    const change = { articleIds: ['a1', 'a2'], lists: [null, 'world'] };
    expect(encodeChange(change).map(decodeChange)).toEqual([change]);
    expect(tagsOfChange(change)).toEqual([
      'article:a1',
      'article:a2',
      'list:home',
      'list:section:world',
    ]);
  });

  it('carry "the sections changed" in the first message only', () => {
    const change = { articleIds: ['a1'], lists: [], sections: true };
    expect(encodeChange(change).map(decodeChange)).toEqual([change]);
    expect(tagsOfChange(change)).toEqual(['article:a1', 'sections']);
    const many = encodeChange({
      articleIds: Array.from({ length: 60 }, String),
      lists: [],
      sections: true,
    });
    expect(many.map(decodeChange).map((message) => message!.sections)).toEqual([true, undefined]);
  });

  it('split a change that names many articles into messages small enough for NOTIFY', () => {
    const articleIds = Array.from({ length: 120 }, (_, index) => `${'x'.repeat(60)}${index}`);
    const messages = encodeChange({ articleIds, lists: [null] });
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(Buffer.byteLength(message)).toBeLessThan(7_000);
    const decoded = messages.map(decodeChange);
    expect(decoded.flatMap((change) => change!.articleIds)).toEqual(articleIds);
    expect(decoded.map((change) => change!.lists)).toEqual([[null], [], []]);
  });

  it.each([
    'not json',
    'null',
    '[]',
    '{"articleIds":"a1","lists":[]}',
    '{"articleIds":[1],"lists":[]}',
    '{"articleIds":[],"lists":[3]}',
    '{"articleIds":[]}',
    '{"articleIds":[],"lists":[],"sections":"yes"}',
  ])('refuses %s', (message) => expect(decodeChange(message)).toBeNull());
});
