import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../clean-pasted-html';
import { nodeHtmlParser } from '../fixtures/node-dom';
import {
  CONTENT_CONTROL,
  SMART_TAG_PLACE,
  SMART_TAG_TYPE_AROUND_BODY,
  SMART_TAG_TYPE_IN_HEAD,
} from '../fixtures/word-smart-tags';
import { wordDocument } from '../fixtures/word-clipboard';

const parseHtml = nodeHtmlParser();

function cleanedBody(html: string): string {
  const cleaned = cleanPastedHtml(html, { parseHtml });
  expect(cleaned?.source).toBe('word');
  return cleaned!.body.innerHTML;
}

describe('paste from Word: Office’s namespaced elements', () => {
  it('keeps the words inside smart tags', () => {
    expect(cleanedBody(SMART_TAG_PLACE)).toBe('<p>Talks in Moscow today.</p>');
  });

  it('keeps the words inside content controls', () => {
    expect(cleanedBody(CONTENT_CONTROL)).toBe('<p>Met the minister today.</p>');
  });

  it('keeps the body when a smart tag declaration in the head is parsed around it', () => {
    for (const html of [SMART_TAG_TYPE_IN_HEAD, SMART_TAG_TYPE_AROUND_BODY])
      expect(cleanedBody(html).replace(/\s+/g, ' ')).toBe(
        '<p>Talks in Moscow on 30 November with the minister and aides.</p><p>Москва 25°C</p>',
      );
  });

  it('still removes the empty ones: paragraph ends, VML shapes, declarations', () => {
    const html = wordDocument(
      `<p class=MsoNormal>Text<o:p></o:p></p><p class=MsoNormal><v:shape id=s1><v:imagedata src="file:///x.png"/></v:shape><o:p>&nbsp;</o:p></p><p class=MsoNormal>More<o:SmartTagType name="place"></o:SmartTagType><w:sdtPr></w:sdtPr><o:p></o:p></p>`,
    );
    expect(cleanedBody(html)).toBe('<p>Text</p><p>More</p>');
  });
});
