import { getArticleSchema } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import {
  countDocumentWords,
  countWords,
  countWordsIn,
  describeCount,
  readingMinutes,
} from './word-count';

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

describe('countDocumentWords', () => {
  it('counts the same as a full count, also after an edit reuses unchanged blocks', () => {
    const schema = getArticleSchema();
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'One two' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three four' }] }],
            },
          ],
        },
        {
          type: 'image',
          attrs: {
            imageId: 'cimage00000000000001',
            alt: 'a',
            caption: 'Five six',
            credit: '',
            width: 9,
            height: 9,
          },
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'seven' }] },
      ],
    };
    const doc = schema.nodeFromJSON(json);
    expect(countDocumentWords(doc)).toBe(countWordsIn(doc));
    expect(countDocumentWords(doc)).toBe(5);
    // Typing into the last paragraph: a new document sharing the other blocks.
    const edited = doc.copy(
      doc.content.replaceChild(
        3,
        schema.nodeFromJSON({
          type: 'paragraph',
          content: [{ type: 'text', text: 'seven eight' }],
        }),
      ),
    );
    expect(countDocumentWords(edited)).toBe(6);
    expect(countDocumentWords(doc)).toBe(5);
  });
});
