import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { getArticleSchema } from '../extensions/article-extensions';
import { DOCUMENT_LIMITS } from '../validation/document-limits';
import { validateDocument } from '../validation/validate-document';
import { cleanPastedHtml } from './clean-pasted-html';
import { gdocsClipboard, gdocsLink, gdocsParagraph } from './fixtures/google-docs-clipboard';
import { nodeHtmlParser } from './fixtures/node-dom';
import { wordDocument, wordParagraph } from './fixtures/word-clipboard';
import { pasteNotice } from './paste-notices';
import { lostLinkCount } from './pasted-links';

const parseHtml = nodeHtmlParser();
const clean = (html: string) => cleanPastedHtml(html, { parseHtml })!;

/** Links a browser would open somewhere other than where they read, or not at all. */
const MISREAD = [
  'https://bank.example@evil.example/',
  'https://exa mple.com/',
  'https://exa\u200Bmple.com/',
  'https://example.com/100%',
];
const anchors = (hrefs: readonly string[]) =>
  hrefs.map((href, index) => `<a href="${href}">link ${index}</a>`).join(' ');

describe('pasting links whose address we would not store', () => {
  it('from Word: keeps their words, drops the links, and says how many', () => {
    const cleaned = clean(
      wordDocument(
        wordParagraph(
          `${anchors(MISREAD)} <a href="https://example.com/a?b=1">kept</a> <a href="mailto:desk@newsroom.test">mail</a> <a href="#_Toc1">contents</a>`,
        ),
      ),
    );
    expect(cleaned.body.innerHTML).toBe(
      '<p>link 0 link 1 link 2 link 3 <a href="https://example.com/a?b=1">kept</a> <a href="mailto:desk@newsroom.test">mail</a> contents</p>',
    );
    // A link to a place in the copied document itself (`#_Toc1`) is not counted: it has none here.
    expect(cleaned.notices).toEqual([pasteNotice('linksDropped', MISREAD.length)]);
  });

  it('from Google Docs, one link: the notice says "a link"', () => {
    const cleaned = clean(
      gdocsClipboard(gdocsParagraph(gdocsLink('https://bank.example@evil.example/', 'Bank'))),
    );
    expect(cleaned.body.querySelector('a')).toBeNull();
    expect(cleaned.body.textContent).toBe('Bank');
    expect(cleaned.notices).toEqual([pasteNotice('linksDropped')]);
    expect(pasteNotice('linksDropped').message).toMatch(/^A link was not kept \(its words were\)/);
  });

  it('from any other HTML: the link mark refuses them too, and the paste handler counts them', () => {
    const body = parseHtml(`<p>${anchors(MISREAD)} <a href="/world/story">kept</a></p>`).body;
    const pasted = ProseMirrorDOMParser.fromSchema(getArticleSchema()).parse(body);
    const links: string[] = [];
    pasted.descendants((node) => {
      const link = node.marks.find((mark) => mark.type.name === 'link');
      if (link) links.push(link.attrs.href as string);
    });
    expect(links).toEqual(['/world/story']);
    expect(pasted.textContent).toBe('link 0 link 1 link 2 link 3 kept');
    expect(lostLinkCount(body)).toBe(MISREAD.length);
  });

  it('from any other HTML: a link title arrives as the validator stores it', () => {
    const long = 'word '.repeat(DOCUMENT_LIMITS.maxLinkTitleLength);
    const body = parseHtml(
      `<p><a href="/a" title="Ring&#7;ing  ">bell</a> <a href="/b" title="${long}">long</a> ` +
        `<a href="/c" title="&#1;">blank</a> <a href="/d">none</a></p>`,
    ).body;
    const pasted = ProseMirrorDOMParser.fromSchema(getArticleSchema()).parse(body);
    const titles: unknown[] = [];
    pasted.descendants((node) => {
      const link = node.marks.find((mark) => mark.type.name === 'link');
      if (link) titles.push(link.attrs.title);
    });
    const cut = long.slice(0, DOCUMENT_LIMITS.maxLinkTitleLength).trimEnd();
    expect(titles).toEqual(['Ringing', cut, null, null]);
    expect(validateDocument(pasted.toJSON()).ok).toBe(true);
  });
});
