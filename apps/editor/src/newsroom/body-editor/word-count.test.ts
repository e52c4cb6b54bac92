import { getArticleSchema } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import { countWords, countWordsIn, describeCount, readingMinutes } from './word-count';

describe('word count and reading time', () => {
  it('counts words, not punctuation, markers or spaces', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  —  * † ')).toBe(0);
    expect(countWords("Taliban* don't co-operate; 3.5 per cent… ")).toBe(6);
    expect(countWords('Ünïcödé Wörter и слова 中文')).toBe(5);
  });

  it('reads 230 words a minute, at least one minute for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
    expect(describeCount(10_000)).toBe('10,000 words · 43 min read');
    expect(describeCount(1)).toBe('1 word · 1 min read');
  });

  it('counts a document range without gluing blocks or notes together', () => {
    const doc = getArticleSchema().nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One two' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'three' }] },
      ],
    });
    expect(countWordsIn(doc)).toBe(3);
    // "two" ends at 8 inside the first paragraph; "three" starts in the second.
    expect(countWordsIn(doc, 5, 12)).toBe(2);
  });
});
