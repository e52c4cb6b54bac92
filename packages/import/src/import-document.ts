import {
  ARTICLE_LIMITS,
  cleanedToDocument,
  cleanHtml,
  detectHtmlSource,
  getArticleSchema,
  type HtmlParser,
  type HtmlSource,
  type PasteNotice,
  validateDocument,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { docxToHtml } from './docx-to-html';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import { openNodeHtmlParser } from './node-html-parser';
import { readZipContents } from './zip-contents';
import { isZip } from './zip-size';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

/** A document ready to become a draft: nothing is stored yet. */
export interface ImportedDocument {
  title: string;
  doc: JSONContent;
  /** The file's footnotes as numbers (a document's notes are numbered, not symbols). */
  markerStyle: 'numeric';
  notices: PasteNotice[];
}

const UTF8_BOM = '\ufeff';

const notADocument = () =>
  new ImportError(
    'unsupported_type',
    'Import takes a Word document (.docx) or a Google Docs web page download (.html or .zip)',
  );

/** By content, not by name: a zip (a .docx or a zipped web page) or text that starts with a tag. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(UTF8_BOM, '');
  return /^\s*</.test(head) && /<(html|body|p|div|h\d|!doctype)\b/i.test(head);
}

function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(UTF8_BOM, '');
  } catch {
    throw new ImportError('corrupt', 'This HTML file is not UTF-8 text');
  }
}

const titleFromFileName = (fileName: string) =>
  fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

function headlineOf(title: string | undefined, fileName: string): string {
  const headline = (title || titleFromFileName(fileName) || 'Imported document').trim();
  return headline.length > ARTICLE_LIMITS.maxTitleLength
    ? `${headline.slice(0, ARTICLE_LIMITS.maxTitleLength - 1).trimEnd()}…`
    : headline;
}

/**
 * Cleaned and parsed into our schema. Anything thrown on the way (e.g. nesting too deep for the
 * parser) is a document we cannot take, answered as such, not a server fault.
 */
function cleanAndParse(html: string, source: HtmlSource, parseHtml: HtmlParser) {
  try {
    // Images need the upload pipeline (storage, renditions, credit): left out, with a notice.
    const cleaned = cleanHtml(html, source, { parseHtml, keepImages: false, extractTitle: true });
    return { cleaned, doc: cleanedToDocument(cleaned, getArticleSchema()) };
  } catch {
    throw new ImportError(
      'invalid_document',
      'The document is structured in a way that cannot be imported',
    );
  }
}

const hasText = (doc: JSONContent): boolean =>
  (doc.content ?? []).some(
    (node) => node.type !== 'footnotes' && /"text":"\s*\S/.test(JSON.stringify(node)),
  );

/**
 * A .docx (through mammoth) or a Google Docs HTML download (or Word's "web page") → an article
 * document through the same pipeline as paste. Refuses with an ImportError: not such a file,
 * too large, damaged, empty, or not a valid article.
 */
export async function importDocument({ fileName, bytes }: ImportInput): Promise<ImportedDocument> {
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes)
    throw new ImportError(
      'too_large',
      `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`,
    );
  if (bytes.byteLength === 0) throw new ImportError('empty', 'The file is empty');
  const zipped = isZip(bytes) ? await readZipContents(bytes) : null;
  if (!zipped && !looksLikeHtml(bytes)) throw notADocument();
  const html =
    zipped?.kind === 'docx'
      ? await docxToHtml(bytes)
      : (zipped?.html.replace(UTF8_BOM, '') ?? decodeHtml(bytes));
  return convert(html, zipped?.kind === 'docx' ? 'docx' : 'html', fileName);
}

/** The converted document, or an ImportError: nothing thrown here becomes a 500. */
async function convert(
  html: string,
  kind: 'docx' | 'html',
  fileName: string,
): Promise<ImportedDocument> {
  const { parseHtml, close } = openNodeHtmlParser();
  try {
    const source: HtmlSource =
      kind === 'docx' ? 'docx' : (detectHtmlSource(parseHtml(html), html) ?? 'html');
    const { cleaned, doc } = cleanAndParse(html, source, parseHtml);
    if (!hasText(doc)) throw new ImportError('empty', 'The document has no text to import');
    const valid = validateDocument(doc);
    if (!valid.ok)
      throw new ImportError(
        'invalid_document',
        `The document cannot become an article: ${valid.errors.map((error) => error.message).join('; ')}`,
      );
    return {
      title: headlineOf(cleaned.title, fileName),
      doc,
      markerStyle: 'numeric',
      notices: cleaned.notices,
    };
  } finally {
    await close();
  }
}
