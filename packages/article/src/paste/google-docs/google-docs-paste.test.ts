import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../../extensions/article-extensions';
import { validateDocument } from '../../validation/validate-document';
import { cleanHtml, cleanPastedHtml, type CleanedHtml } from '../clean-pasted-html';
import {
  gdocsClipboard,
  gdocsExport,
  gdocsExportReference,
  gdocsItem,
  gdocsLink,
  gdocsParagraph,
  gdocsSpan,
} from '../fixtures/google-docs-clipboard';
import { nodeHtmlParser } from '../fixtures/node-dom';
import { formattingDroppedNotice, PASTE_NOTICES } from '../paste-notices';
import { cleanedToDocument } from '../schema-content';

const parseHtml = nodeHtmlParser();

function clean(html: string): CleanedHtml {
  const cleaned = cleanPastedHtml(html, { parseHtml });
  expect(cleaned?.source).toBe('google-docs');
  return cleaned!;
}

describe('paste from Google Docs', () => {
  it('unwraps the non-bold docs-internal-guid <b> and reads weight and slant from the spans', () => {
    const html = gdocsClipboard(
      gdocsParagraph(
        gdocsSpan('Plain, ') +
          gdocsSpan('bold', { bold: true }) +
          gdocsSpan(' and ') +
          gdocsSpan('italic', { italic: true }),
      ) + gdocsParagraph(gdocsSpan('both', { bold: true, italic: true })),
    );
    expect(clean(html).body.innerHTML).toBe(
      '<p>Plain, <strong>bold</strong> and <em>italic</em></p><p><em><strong>both</strong></em></p>',
    );
  });

  it('pastes a single line without paragraphs, spaces between spans kept', () => {
    const html = gdocsClipboard(gdocsSpan('one', { bold: true }) + ' ' + gdocsSpan('two'));
    expect(clean(html).body.innerHTML).toBe('<strong>one</strong> two');
  });

  it('keeps links, including those sent through google.com/url', () => {
    const html = gdocsClipboard(
      gdocsParagraph(
        gdocsLink('https://example.com/a', 'direct') +
          gdocsSpan(' ') +
          gdocsLink(
            'https://www.google.com/url?q=https://example.org/b%3Fx%3D1&sa=D&source=editors',
            'redirected',
          ),
      ),
    );
    expect(clean(html).body.innerHTML).toBe(
      '<p><a href="https://example.com/a">direct</a> <a href="https://example.org/b?x=1">redirected</a></p>',
    );
  });

  it('nests clipboard lists by aria-level, with sub-lists placed inside the item', () => {
    const html = gdocsClipboard(
      `<ul style="margin-top:0;">${gdocsItem('One')}<ul>${gdocsItem('One a', 2, 'circle')}</ul>${gdocsItem('Two')}</ul>` +
        `<ol>${gdocsItem('First', 1, 'decimal')}${gdocsItem('Second', 1, 'decimal')}</ol>`,
    );
    expect(clean(html).body.innerHTML).toBe(
      '<ul><li><p>One</p><ul><li><p>One a</p></li></ul></li><li><p>Two</p></li></ul>' +
        '<ol><li><p>First</p></li><li><p>Second</p></li></ol>',
    );
  });

  it('nests the export’s one-list-per-level lists', () => {
    const html = gdocsExport(
      '<ul class="c6 lst-kix_abc123-0 start"><li class="c6 li-bullet-0"><span class="c2">Top</span></li></ul>' +
        '<ul class="c6 lst-kix_abc123-1 start"><li class="li-bullet-0"><span>Inner</span></li></ul>' +
        '<ul class="c6 lst-kix_abc123-0"><li class="li-bullet-0"><span>Top again</span></li></ul>',
    );
    expect(clean(html).body.innerHTML).toBe(
      '<ul><li><p><em>Top</em></p><ul><li><p>Inner</p></li></ul></li><li><p>Top again</p></li></ul>',
    );
  });

  it('turns the export’s footnotes into notes, several references to one note staying one', () => {
    const html = gdocsExport(
      `<p class="c3"><span>Taliban</span>${gdocsExportReference(1)}<span> and Daesh</span>${gdocsExportReference(1).replace('id="ftnt_ref1"', 'id="ftnt_ref1b"')}<span>, sources</span>${gdocsExportReference(2)}</p>`,
      ['Outlawed in <span class="c1">Russia</span>.', 'Second note.'],
    );
    const cleaned = clean(html);
    expect(cleaned.notes.map((note) => note.content.innerHTML)).toEqual([
      'Outlawed in <strong>Russia</strong>.',
      'Second note.',
    ]);
    const doc = cleanedToDocument(cleaned, getArticleSchema());
    expect(validateDocument(doc).ok).toBe(true);
    const references = JSON.stringify(doc).match(/"noteId":"[^"]+"/g)!;
    expect(references).toHaveLength(3);
    expect(references[0]).toBe(references[1]);
    expect(JSON.stringify(doc)).not.toMatch(/\[\d\]|ftnt/);
  });

  it('says so when the clipboard has footnote numbers but not the notes', () => {
    const anchored = clean(
      gdocsClipboard(
        gdocsParagraph(gdocsSpan('Claim') + gdocsExportReference(1) + gdocsSpan(' more.')),
      ),
    );
    expect(anchored.body.innerHTML).toBe('<p>Claim more.</p>');
    expect(anchored.notices).toEqual([
      { code: 'footnotesNotCopied', message: PASTE_NOTICES.footnotesNotCopied },
    ]);
    const bare = clean(
      gdocsClipboard(
        gdocsParagraph(
          gdocsSpan('Claim') + '<span style="vertical-align:super;font-size:8pt">[2]</span>',
        ),
      ),
    );
    expect(bare.body.innerHTML).toBe('<p>Claim</p>');
    expect(bare.notices.map((notice) => notice.code)).toEqual(['footnotesNotCopied']);
    const plain = clean(
      gdocsClipboard(gdocsParagraph(gdocsSpan('Claim') + '<sup>3</sup>' + gdocsSpan('.'))),
    );
    expect(plain.body.innerHTML).toBe('<p>Claim.</p>');
    expect(plain.notices.map((notice) => notice.code)).toEqual(['footnotesNotCopied']);
  });

  it('leaves the export’s comments and their markers out, and says how many', () => {
    // The export's shape (exploratory tester's fixture): a comment marker beside a footnote.
    const html = `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>Budget story</title></head><body class="c5 doc-content"><p class="c3 title"><span>Budget story</span></p><p><span>The mayor</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup><span>&nbsp;cut the budget by 4%</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span>.</span></p><p><span>Second</span><sup><a href="#cmnt2" id="cmnt_ref2">[b]</a></sup><span> line.</span></p><hr class="c6"><div><p class="c4"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c0">&nbsp;Council papers, item 7.</span></p></div><div class="c9"><p class="c8"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c0">Ann Editor: is this confirmed? Our source (J. Smith, finance office) asked not to be named.</span></p><p class="c8"><span class="c0">Bob: yes.</span></p></div><div class="c9"><p class="c8"><a href="#cmnt_ref2" id="cmnt2">[b]</a><span class="c0">Check.</span></p></div></body></html>`;
    const cleaned = cleanHtml(html, 'google-docs', { parseHtml, extractTitle: true });
    expect(cleaned.body.innerHTML).toMatch(
      /^<p>The mayor&nbsp;cut the budget by 4%<sup data-footnote-reference="" data-note-id="[^"]+"><\/sup>.<\/p><p>Second line.<\/p>$/,
    );
    expect(cleaned.notes.map((note) => note.content.textContent)).toEqual([
      'Council papers, item 7.',
    ]);
    expect(cleaned.notices).toEqual([
      {
        code: 'commentsDropped',
        message: '2 comments were left out: comments are not article text',
      },
    ]);
  });

  it('keeps a saved web page’s superscripts: only the clipboard drops notes', () => {
    const cleaned = clean(gdocsExport('<p><span>E = mc</span><sup>2</sup></p>'));
    expect(cleaned.body.innerHTML).toBe('<p>E = mc<sup>2</sup></p>');
    // Not a footnote, but our schema has no superscript either: the words stay, and it is said.
    expect(cleaned.notices).toEqual([formattingDroppedNotice(['superscript'])]);
  });

  it('maps headings and the export’s title under our headline', () => {
    const html = gdocsExport(
      '<p class="c4 title"><span>Doc title</span></p><h1><span>Part</span></h1><h2><span>Sub</span></h2>',
    );
    expect(clean(html).body.innerHTML).toBe('<h2>Doc title</h2><h2>Part</h2><h3>Sub</h3>');
    const imported = cleanHtml(html, 'google-docs', { parseHtml, extractTitle: true });
    expect(imported.title).toBe('Doc title');
    expect(imported.body.innerHTML).toBe('<h2>Part</h2><h3>Sub</h3>');
  });
});

describe('other HTML', () => {
  it('is left to the editor as it is', () => {
    expect(cleanPastedHtml('<p>Just <b>HTML</b></p>', { parseHtml })).toBeNull();
  });
});
