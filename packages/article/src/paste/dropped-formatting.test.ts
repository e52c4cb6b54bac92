import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './clean-pasted-html';
import {
  gdocsClipboard,
  gdocsLink,
  gdocsParagraph,
  gdocsSpan,
} from './fixtures/google-docs-clipboard';
import { nodeHtmlParser } from './fixtures/node-dom';
import {
  wordDocument,
  wordNoteList,
  wordParagraph,
  wordReference,
} from './fixtures/word-clipboard';
import { formattingDroppedNotice, pasteNotice } from './paste-notices';

const parseHtml = nodeHtmlParser();
const noticesOf = (html: string) => cleanPastedHtml(html, { parseHtml })!.notices;

describe('pasting formatting an article cannot hold', () => {
  it('says a Word table became paragraphs and which marks went (the exploratory tester’s mix)', () => {
    const html = wordDocument(
      wordParagraph('text<sup>2</sup>, <u>underlined</u>, <s>struck</s>.') +
        `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0><tr><td><p class=MsoNormal>Cell A1<o:p></o:p></p></td><td><p class=MsoNormal>Cell B1<o:p></o:p></p></td></tr></table>`,
    );
    expect(noticesOf(html)).toEqual([
      pasteNotice('tablesFlattened', 1),
      formattingDroppedNotice(['underline', 'strike-through', 'superscript']),
    ]);
    expect(pasteNotice('tablesFlattened', 1).message).toBe(
      'A table was turned into plain paragraphs, one per cell: an article has no tables',
    );
  });

  it('reads Google Docs’ styled spans the same way, but not a link’s own underline', () => {
    // (A superscript number alone is a footnote number on Google Docs' clipboard: see its tests.)
    const superscript = `<span style="vertical-align:super;">nd</span>`;
    const struck = `<span style="text-decoration:line-through;">old</span>`;
    expect(
      noticesOf(
        gdocsClipboard(gdocsParagraph(gdocsSpan('2') + superscript + ' ' + struck + ' new')),
      ),
    ).toEqual([formattingDroppedNotice(['strike-through', 'superscript'])]);
    expect(
      noticesOf(gdocsClipboard(gdocsParagraph(gdocsLink('https://example.com/', 'a link')))),
    ).toEqual([]);
  });

  it('says nothing about Word’s footnote markers', () => {
    const html = wordDocument(
      wordParagraph(`Claim${wordReference(1)} here.`) + wordNoteList(['The note.']),
    );
    expect(noticesOf(html)).toEqual([]);
  });
});
