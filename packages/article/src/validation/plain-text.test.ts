import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { cleanPastedHtml } from '../paste/clean-pasted-html';
import { nodeHtmlParser } from '../paste/fixtures/node-dom';
import { wordDocument, wordParagraph } from '../paste/fixtures/word-clipboard';
import { cleanedToDocument } from '../paste/schema-content';
import { controlCharacterProblem, withoutControlCharacters } from './plain-text';
import { validateDocument } from './validate-document';

describe('control characters from outside', () => {
  it("turn Word's manual line break and a form feed into line breaks and drop the others", () => {
    expect(withoutControlCharacters('One\u000btwo\u000cthree\u0001\u001f\uffff')).toBe(
      'One\ntwo\nthree',
    );
    expect(withoutControlCharacters('Tab\tnew\nline\r')).toBe('Tab\tnew\nline\r');
    const cleaned = withoutControlCharacters('\u0000\u0008\u000e\u001fx\u000b');
    expect(controlCharacterProblem('text', cleaned)).toBeNull();
  });

  it('never reach the document from a Word paste, which then saves', () => {
    const html = wordDocument(wordParagraph('Soft\u000bbreak and a bell\u0007 here'));
    const cleaned = cleanPastedHtml(html, { parseHtml: nodeHtmlParser() })!;
    const doc = cleanedToDocument(cleaned, getArticleSchema());
    expect(JSON.stringify(doc)).not.toMatch(/\\u000[0-8bcBC]/);
    expect(validateDocument(doc).ok).toBe(true);
  });
});
