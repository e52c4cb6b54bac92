import { Slice } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { cleanPastedHtml } from '../paste/clean-pasted-html';
import { sliceWithoutControlCharacters } from '../paste/control-characters';
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

describe('control characters written as HTML entities', () => {
  it('are dropped once parsed, from a Word paste and from any other pasted HTML', () => {
    const html = wordDocument(wordParagraph('one&#11;two&#1;three'));
    const cleaned = cleanPastedHtml(html, { parseHtml: nodeHtmlParser() })!;
    const doc = cleanedToDocument(cleaned, getArticleSchema());
    expect(JSON.stringify(doc)).not.toMatch(/\\u000[0-8bcBC]/);
    expect(validateDocument(doc).ok).toBe(true);

    const schema = getArticleSchema();
    const pasted = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text('one\u000btwo\u0001three'), schema.text('ok')]),
    ]);
    const slice = sliceWithoutControlCharacters(new Slice(pasted.content, 0, 0));
    expect(slice.content.firstChild!.textContent).toBe('one twothreeok');
    const clean = new Slice(pasted.content.cut(0, 1), 0, 0);
    expect(sliceWithoutControlCharacters(clean)).toBe(clean);
  });
});
