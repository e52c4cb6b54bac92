import { createNoteId } from '../footnotes/note-id';
import { findMammothNotes } from './docx/mammoth-notes';
import { droppedFormattingNotices } from './dropped-formatting';
import { type HtmlParser, isElement, platformHtmlParser, tagOf, textNodesUnder } from './dom';
import { removeGoogleDocsComments } from './google-docs/google-docs-comments';
import { findGoogleDocsNotes } from './google-docs/google-docs-footnotes';
import { convertGoogleDocsLists } from './google-docs/google-docs-lists';
import {
  inlineClassStyles,
  isGoogleDocsClipboard,
  isGoogleDocsHtml,
  unwrapGuidWrapper,
  unwrapRedirectLinks,
} from './google-docs/google-docs-markup';
import { mapHeadings } from './headings';
import { removeHiddenText } from './hidden-text';
import { convertLinkedNotes, type ExtractedNote, type LinkedNotes } from './linked-notes';
import { normalizeMarkup } from './normalize-markup';
import { type PasteNotice, PasteNotices } from './paste-notices';
import { findWordNotes } from './word/word-footnotes';
import { convertWordLists, removeStrayListMarkers, wordListFormats } from './word/word-lists';
import { resolveWordReview } from './word/word-review';
import { withoutControlCharacters } from '../validation/plain-text';

/**
 * Where HTML came from: Word or Google Docs (clipboard or saved web page), mammoth's rendering
 * of a .docx, or any other HTML file (imported with its lists and formatting, no notes).
 */
export type HtmlSource = 'word' | 'google-docs' | 'docx' | 'html';

export interface CleanHtmlOptions {
  parseHtml?: HtmlParser;
  /** Ids for new notes; by default fresh random ones (see createNoteId). */
  newNoteId?: () => string;
  /** Whether the target schema has an image node (otherwise images go, with a notice). */
  keepImages?: boolean;
  /** Take the document's title out of the body and return it (importing, not pasting). */
  extractTitle?: boolean;
}

/** HTML our schema parses, in parts: the body, the notes it references, what was lost. */
export interface CleanedHtml {
  source: HtmlSource;
  /** A `<div>` of body blocks; references are `<sup data-footnote-reference data-note-id>`. */
  body: Element;
  /** In order of first reference; each `content` is a `<div>` of inline nodes. */
  notes: ExtractedNote[];
  notices: PasteNotice[];
  /** With `extractTitle`: the title, the first heading, or the `<title>`, whichever comes first. */
  title?: string;
}

/** Microsoft Word's clipboard: a whole Office HTML document. */
function isWordHtml(doc: Document, html: string): boolean {
  return (
    /urn:schemas-microsoft-com:office:(office|word)/i.test(html) ||
    doc.querySelector('meta[name="ProgId"][content^="Word."]') !== null ||
    /class=["']?Mso/i.test(html) ||
    /mso-(list|footnote-id|endnote-id|element)\s*:/i.test(html)
  );
}

export function detectHtmlSource(doc: Document, html: string): HtmlSource | null {
  if (isWordHtml(doc, html)) return 'word';
  if (isGoogleDocsHtml(doc)) return 'google-docs';
  return null;
}

function convertSource(source: HtmlSource, doc: Document, notices: PasteNotices): LinkedNotes {
  switch (source) {
    case 'word': {
      resolveWordReview(doc, notices);
      removeHiddenText(doc.body, notices);
      const notes = findWordNotes(doc);
      convertWordLists(doc, wordListFormats(doc));
      removeStrayListMarkers(doc);
      return notes;
    }
    case 'google-docs': {
      const fromClipboard = isGoogleDocsClipboard(doc);
      inlineClassStyles(doc);
      removeHiddenText(doc.body, notices);
      removeGoogleDocsComments(doc, notices);
      unwrapGuidWrapper(doc);
      unwrapRedirectLinks(doc);
      convertGoogleDocsLists(doc);
      return findGoogleDocsNotes(doc, notices, fromClipboard);
    }
    case 'docx':
      return findMammothNotes(doc);
    case 'html':
      removeHiddenText(doc.body, notices);
      convertGoogleDocsLists(doc);
      return { references: [], notes: new Map() };
  }
}

/**
 * The blocks of the page, those of Word's page sections (`<div class=WordSection1>`, one a
 * section of the document, holding the whole text) in their place: normalizeMarkup would unwrap
 * the div, but happy-dom moves each child out of it in time that grows with the others (its
 * children are an array, each looked up and shifted), so that unwrap took time in n² (1.5 s for
 * 20,000 paragraphs, 3.6 s for 40,000). A section with any other attribute (a style the cleaning
 * would read) stays, and is unwrapped as before.
 */
function pageBlocks(body: HTMLElement): ChildNode[] {
  const isWordSection = (node: ChildNode): node is Element =>
    isElement(node) &&
    tagOf(node) === 'div' &&
    node.attributes.length === 1 &&
    /^WordSection\d+$/.test(node.getAttribute('class') ?? '');
  return Array.from(body.childNodes).flatMap((node) =>
    isWordSection(node) ? Array.from(node.childNodes) : [node],
  );
}

const TITLE_SELECTOR = 'p.MsoTitle, p.title, h1.document-title';

/** The title for an import: a Title paragraph, else the first heading, else `<title>`. */
function takeTitle(doc: Document): string | undefined {
  const element =
    doc.body.querySelector(TITLE_SELECTOR) ?? doc.body.querySelector('h1, h2, h3, h4, h5, h6');
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  if (element && text) {
    element.remove();
    return text;
  }
  const title = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  return title || undefined;
}

function uniqueNoteIds(): () => string {
  const taken = new Set<string>();
  return () => {
    const id = createNoteId(taken);
    taken.add(id);
    return id;
  };
}

/**
 * Word, Google Docs or .docx HTML → HTML in our schema's own terms. The one pipeline behind
 * paste (in the browser, with its DOMParser) and import (in Node, with a DOM library).
 */
export function cleanHtml(
  html: string,
  source: HtmlSource,
  options: CleanHtmlOptions = {},
): CleanedHtml {
  const doc = (options.parseHtml ?? platformHtmlParser())(withoutControlCharacters(html));
  // Again once parsed: `&#11;` is a control character only after the parser decoded it.
  for (const text of textNodesUnder(doc)) text.data = withoutControlCharacters(text.data);
  const notices = new PasteNotices();
  const linked = convertSource(source, doc, notices);
  const title = options.extractTitle ? takeTitle(doc) : undefined;
  // Before the cleaning drops them; the notes are still in the page here.
  const formatting = droppedFormattingNotices(doc.body);
  const notes = convertLinkedNotes(linked, options.newNoteId ?? uniqueNoteIds(), notices);
  // The blocks are copied, not moved: happy-dom keeps a node's children in an array and shifts
  // all the rest for each child taken from the front, so moving a body of n blocks took time in
  // n² (8.7 s for 62,000 paragraphs). Nothing refers to the page's own nodes from here on.
  const body = doc.createElement('div');
  for (const block of pageBlocks(doc.body)) body.appendChild(block.cloneNode(true));
  mapHeadings(body);
  normalizeMarkup(body, { keepImages: options.keepImages ?? false }, notices);
  for (const note of notes)
    normalizeMarkup(note.content, { keepImages: false, inline: true }, notices);
  return {
    source,
    body,
    notes,
    notices: [...notices.list(), ...formatting],
    ...(title !== undefined && { title }),
  };
}

/** Clipboard HTML from Word or Google Docs, cleaned; null for any other HTML (pasted as is). */
export function cleanPastedHtml(html: string, options: CleanHtmlOptions = {}): CleanedHtml | null {
  const parse = options.parseHtml ?? platformHtmlParser();
  const source = detectHtmlSource(parse(html), html);
  return source ? cleanHtml(html, source, { ...options, parseHtml: parse }) : null;
}
