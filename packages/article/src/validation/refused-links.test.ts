import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { doc, note, paragraph, ref, text } from '../footnotes/test-documents';
import { LINK_ADDRESS_PROBLEMS } from './link-address';
import {
  removedLinksNotice,
  removedRelatedLinksNotice,
  withoutRefusedLinks,
} from './refused-links';
import { validateDocument } from './validate-document';

const link = (href: unknown) => ({ type: 'link', attrs: { href, target: null, rel: null } });
const linked = (
  words: string,
  href: unknown,
  ...marks: JSONContent['marks'] & object
): JSONContent => ({
  type: 'text',
  text: words,
  marks: [...marks, link(href)],
});

describe('withoutRefusedLinks', () => {
  it.each([
    ['javascript:alert(1)', LINK_ADDRESS_PROBLEMS.notALink],
    ['https://bank.example@evil.example/', LINK_ADDRESS_PROBLEMS.userInfo],
    ['http://exa\u034Fmple.com', LINK_ADDRESS_PROBLEMS.spaceOrInvisible],
    ['mailto:', LINK_ADDRESS_PROBLEMS.notALink],
    ['mailto:?subject=hi', LINK_ADDRESS_PROBLEMS.noMailAddress],
    ['/100%', LINK_ADDRESS_PROBLEMS.strayPercent],
    ['//evil.example', LINK_ADDRESS_PROBLEMS.notALink],
    [42, LINK_ADDRESS_PROBLEMS.notALink],
  ])('takes the link off %j and keeps its words', (href, problem) => {
    const stored = doc([paragraph(text('Read '), linked('our report', href), text('.'))]);
    const { doc: cleaned, removed } = withoutRefusedLinks(stored);
    expect(cleaned).toEqual(doc([paragraph(text('Read '), text('our report'), text('.'))]));
    expect(removed).toEqual([{ text: 'our report', problem }]);
    expect(validateDocument(cleaned).ok).toBe(true);
  });

  it('returns the very document when every link is kept', () => {
    const stored = doc([
      paragraph(
        linked('a', 'https://example.com/'),
        linked('b', '/world/x'),
        linked('c', 'mailto:a@b.example'),
      ),
    ]);
    const result = withoutRefusedLinks(stored);
    expect(result.doc).toBe(stored);
    expect(result.removed).toEqual([]);
  });

  it('keeps the other marks of the linked words', () => {
    const stored = doc([paragraph(linked('bold', 'javascript:x', { type: 'bold' }))]);
    expect(withoutRefusedLinks(stored).doc).toEqual(
      doc([paragraph({ type: 'text', text: 'bold', marks: [{ type: 'bold' }] })]),
    );
  });

  it('counts a link over several text nodes (a bold word in it) once, with all its words', () => {
    const href = 'https://user@example.com/';
    const stored = doc([
      paragraph(
        linked('the ', href),
        linked('whole', href, { type: 'bold' }),
        linked(' report', href, { type: 'italic' }),
        text(' and '),
        linked('another', href),
      ),
    ]);
    const { doc: cleaned, removed } = withoutRefusedLinks(stored);
    expect(removed.map((entry) => entry.text)).toEqual(['the whole report', 'another']);
    expect(JSON.stringify(cleaned)).not.toContain('link');
    expect(validateDocument(cleaned).ok).toBe(true);
  });

  it('tells two neighbouring links with different addresses apart, and keeps a good one between', () => {
    const stored = doc([
      paragraph(
        linked('one', 'javascript:a'),
        linked('two', 'javascript:b'),
        linked('kept', 'https://example.com/'),
      ),
    ]);
    const { doc: cleaned, removed } = withoutRefusedLinks(stored);
    expect(removed.map((entry) => entry.text)).toEqual(['one', 'two']);
    expect(cleaned.content?.[0]?.content?.[2]).toEqual(linked('kept', 'https://example.com/'));
  });

  it('looks in lists, quotes and footnotes', () => {
    const stored = doc(
      [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph(linked('listed', 'mailto:'))] }],
        },
        { type: 'blockquote', content: [paragraph(linked('quoted', 'vbscript:x'), ref('n1'))] },
      ],
      [{ ...note('n1'), content: [text('See '), linked('the source', 'https://a@b.example/')] }],
    );
    expect(validateDocument(stored).ok).toBe(false);
    const { doc: cleaned, removed } = withoutRefusedLinks(stored);
    expect(removed.map((entry) => entry.text)).toEqual(['listed', 'quoted', 'the source']);
    expect(validateDocument(cleaned).ok).toBe(true);
  });
});

describe('removedLinksNotice', () => {
  it('names the words and the reason, one link or several', () => {
    expect(
      removedLinksNotice([{ text: 'our report', problem: LINK_ADDRESS_PROBLEMS.userInfo }]),
    ).toBe(
      'A link was removed (its words were kept): “our report” — Leave the user name and password out of the address',
    );
    expect(
      removedLinksNotice([
        { text: 'a', problem: 'P' },
        { text: ' ', problem: 'Q' },
      ]),
    ).toBe('2 links were removed (their words were kept): “a” — P; a link without words — Q');
  });

  it('names five links at most, and counts the rest', () => {
    const removed = Array.from({ length: 8 }, (_, index) => ({ text: `w${index}`, problem: 'P' }));
    expect(removedLinksNotice(removed)).toBe(
      '8 links were removed (their words were kept): “w0” — P; “w1” — P; “w2” — P; “w3” — P; “w4” — P; and 3 more',
    );
  });
});

describe('removedRelatedLinksNotice', () => {
  it('names the titles and the reason, one link or several', () => {
    expect(
      removedRelatedLinksNotice([{ text: 'Old partner', problem: LINK_ADDRESS_PROBLEMS.userInfo }]),
    ).toBe(
      'A related link was removed: “Old partner” — Leave the user name and password out of the address',
    );
    expect(
      removedRelatedLinksNotice([
        { text: 'a', problem: 'P' },
        { text: '', problem: 'Q' },
      ]),
    ).toBe('2 related links were removed: “a” — P; a link without a title — Q');
  });
});
