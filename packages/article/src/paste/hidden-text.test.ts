import { describe, expect, it } from 'vitest';
import { cleanHtml } from './clean-pasted-html';
import { nodeHtmlParser } from './fixtures/node-dom';
import { pasteNotice } from './paste-notices';

const parseHtml = nodeHtmlParser();

describe('hidden text in an imported web page', () => {
  it('leaves out what the page does not show (an e-mail’s hidden preheader) and says so', () => {
    const cleaned = cleanHtml(
      `<html><body><div style="display: none; max-height:0">Preheader: 20% off today</div><p>Visible <span style="DISPLAY:NONE">secret</span>text.</p></body></html>`,
      'html',
      { parseHtml },
    );
    expect(cleaned.body.innerHTML).toBe('<p>Visible text.</p>');
    expect(cleaned.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });

  it('says nothing when what was hidden held no words', () => {
    const cleaned = cleanHtml(
      `<html><body><p>Text<span style="display:none"> </span>.</p></body></html>`,
      'html',
      { parseHtml },
    );
    expect(cleaned.body.innerHTML).toBe('<p>Text.</p>');
    expect(cleaned.notices).toEqual([]);
  });

  it('leaves out the hidden attribute and visibility: hidden too, but not what shows again inside', () => {
    const cleaned = cleanHtml(
      `<html><body><p>Shown.</p><p hidden>Secret by attribute.</p>` +
        `<div style="visibility: hidden; font-size: 1px">Secret preheader.</div>` +
        `<p style="visibility:collapse">Secret collapsed.</p>` +
        `<div style="visibility:hidden"><p style="visibility: visible">Shown again.</p></div></body></html>`,
      'html',
      { parseHtml },
    );
    expect(cleaned.body.innerHTML).not.toMatch(/Secret/);
    expect(cleaned.body.innerHTML).toContain('Shown.');
    expect(cleaned.body.innerHTML).toContain('Shown again.');
    expect(cleaned.notices).toEqual([pasteNotice('hiddenTextDropped')]);
  });
});
