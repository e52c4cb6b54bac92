import {
  ARTICLE_LIMITS,
  cleanedToDocument,
  cleanHtml,
  detectHtmlSource,
  getArticleSchema,
  type HtmlSource,
  type PasteNotice,
  validateDocument,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { docxToHtml } from './docx-to-html';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import { openNodeHtmlParser } from './node-html-parser';
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

type FileKind = 'docx' | 'html';

const UTF8_BOM = '\ufeff';

/** By content, not by name: a zip is a .docx candidate, text that starts with a tag is HTML. */
function sniff(bytes: Uint8Array): { kind: FileKind; text?: string } {
  if (isZip(bytes)) return { kind: 'docx' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024));
  if (
    /^\s*</.test(head.replace(UTF8_BOM, '')) &&
    /<(html|body|p|div|h\d|!doctype)\b/i.test(head + ' ')
  )
    return { kind: 'html' };
  throw new ImportError(
    'unsupported_type',
    'Import takes a Word document (.docx) or a Google Docs web page download (.html)',
  );
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
  const { kind } = sniff(bytes);
  const schema = getArticleSchema();
  const keepImages = schema.nodes.image !== undefined;
  const html = kind === 'docx' ? await docxToHtml(bytes, keepImages) : decodeHtml(bytes);

  const { parseHtml, close } = openNodeHtmlParser();
  try {
    const source: HtmlSource =
      kind === 'docx' ? 'docx' : (detectHtmlSource(parseHtml(html), html) ?? 'html');
    const cleaned = cleanHtml(html, source, { parseHtml, keepImages, extractTitle: true });
    const doc = cleanedToDocument(cleaned, schema);
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
