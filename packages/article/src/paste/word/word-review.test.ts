import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, type CleanedHtml } from '../clean-pasted-html';
import { nodeHtmlParser } from '../fixtures/node-dom';
import { WORD_HIDDEN, WORD_PLAIN_CHANGES, WORD_REVIEW } from '../fixtures/word-review';
import { pasteNotice } from '../paste-notices';

const parseHtml = nodeHtmlParser();

function clean(html: string): CleanedHtml {
  const cleaned = cleanPastedHtml(html, { parseHtml });
  expect(cleaned?.source).toBe('word');
  return cleaned!;
}

const textOf = (cleaned: CleanedHtml) =>
  Array.from(cleaned.body.children).map((block) => block.textContent!.replace(/\s+/g, ' '));

describe('paste from Word: a reviewed document', () => {
  it('reads as Word shows it with changes accepted: no deletion, no comment, and says so', () => {
    const cleaned = clean(WORD_REVIEW);
    expect(textOf(cleaned)).toEqual(['The minister met the contractor on Monday.']);
    expect(cleaned.body.innerHTML).not.toMatch(/AE1|LEGAL|bribes/);
    expect(cleaned.notices).toEqual([
      pasteNotice('deletionsDropped'),
      { code: 'commentsDropped', message: '1 comment was left out: comments are not article text' },
    ]);
  });

  it('drops <del> and keeps <ins> without their spans', () => {
    const cleaned = clean(WORD_PLAIN_CHANGES);
    expect(cleaned.body.innerHTML).toBe('<p>Text inserted.</p>');
    expect(cleaned.notices).toEqual([pasteNotice('deletionsDropped')]);
  });

  it('leaves hidden text out and says so', () => {
    const cleaned = clean(WORD_HIDDEN);
    expect(textOf(cleaned)).toEqual(['Public text continues.', "An e-mail's end."]);
    expect(cleaned.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('says nothing for a document without review marks or hidden text', () => {
    expect(clean(WORD_PLAIN_CHANGES.replace(/<del.*<\/ins>/, 'plain')).notices).toEqual([]);
  });
});
