import {
  ARTICLE_LIMITS,
  cleanedToDocument,
  describesSomething,
  elementsUnder,
  cleanHtml,
  detectHtmlSource,
  emptyNoteNumbers,
  getArticleSchema,
  NESTED_TOO_DEEP,
  type HtmlSource,
  type PasteNotice,
  validateDocument,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';
import { removeHiddenRuns } from './docx-hidden-runs';
import type { DocxPackage } from './docx-package';
import { CAPTION_CLASS, docxToHtml } from './docx-to-html';
import { attachCaptions } from './images/captions';
import { DocumentImages, type DocumentImageLimits } from './images/document-images';
import { isBlankText } from './images/dom-helpers';
import { collectHtmlImages } from './images/html-images';
import { placeImages } from './images/place-images';
import { storeDocumentImages, type StoreDocumentImage } from './images/store-document-images';
import { nestsDeeperThan } from './html-depth';
import { checkHtmlElements } from './html-elements';
import { ImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import { importNotice, type ImportNotice } from './import-notices';
import { openNodeHtmlParser } from './node-html-parser';
import { readZipContents, type ZipFileReader } from './zip-contents';
import { isZip } from './zip-size';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /**
   * Stores a picture through the upload pipeline. Without it pictures are left out, with the
   * paste pipeline's notice (conversion alone, e.g. for a preview).
   */
  storeImage?: StoreDocumentImage;
  /** Tighter picture limits than IMPORT_LIMITS (tests). */
  imageLimits?: Partial<DocumentImageLimits>;
}

/** A document ready to become a draft: nothing is stored yet. */
export interface ImportedDocument {
  title: string;
  doc: JSONContent;
  /** The file's footnotes as numbers (a document's notes are numbered, not symbols). */
  markerStyle: 'numeric';
  notices: ImportNotice[];
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

/** `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">`, near the top. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i;

/**
 * The decoder for the encoding the page declares, UTF-8 when it declares none (Google Docs
 * writes UTF-8; Word's "Save as Web Page" writes its system's code page by default, e.g.
 * windows-1252, and says so). A UTF-16 label on a page read as bytes means UTF-8, as in browsers.
 */
function htmlDecoder(bytes: Uint8Array): TextDecoder {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = META_CHARSET.exec(head)?.[1];
  if (label === undefined) return new TextDecoder('utf-8', { fatal: true });
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ImportError(
      'corrupt',
      `This HTML file declares the character encoding "${label}", which the import does not know`,
    );
  }
  return decoder.encoding.startsWith('utf-16')
    ? new TextDecoder('utf-8', { fatal: true })
    : decoder;
}

/**
 * windows-1252's characters for the bytes 0x80–0x9f (its curly quotes, dashes, €): Node 20's
 * TextDecoder decodes windows-1252 as Latin-1, which has control characters there, and the paste
 * pipeline drops those. A no-op where the decoder is right.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeHtml(bytes: Uint8Array): string {
  const decoder = htmlDecoder(bytes);
  try {
    const text = decoder.decode(bytes).replace(UTF8_BOM, '');
    return decoder.encoding === 'windows-1252'
      ? text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!)
      : text;
  } catch {
    throw new ImportError(
      'corrupt',
      decoder.encoding === 'utf-8'
        ? 'This HTML file is not UTF-8 text'
        : `This HTML file is not ${decoder.encoding} text, as it declares`,
    );
  }
}

const titleFromFileName = (fileName: string) =>
  fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

/** A document's title as a headline: one line (a title style may hold line breaks or tabs). */
const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function headlineOf(title: string | undefined, fileName: string): string {
  const visible = (text: string) => (describesSomething(text) ? text : '');
  const headline =
    visible(oneLine(title)) || visible(oneLine(titleFromFileName(fileName))) || 'Imported document';
  return headline.length > ARTICLE_LIMITS.maxTitleLength
    ? `${headline.slice(0, ARTICLE_LIMITS.maxTitleLength - 1).trimEnd()}…`
    : headline;
}

/**
 * Cleaned and parsed into our schema. Anything thrown on the way (e.g. nesting too deep for the
 * parser) is a document we cannot take, answered as such, not a server fault.
 */
function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch {
    throw new ImportError(
      'invalid_document',
      'The document is structured in a way that cannot be imported',
    );
  }
}

const tooDeep = () =>
  new ImportError('invalid_document', `The document cannot become an article: ${NESTED_TOO_DEEP}`);

/** A document source read into HTML, its pictures collected (not yet checked or stored). */
interface ReadDocument {
  html: string;
  kind: 'docx' | 'html';
  readZipFile: ZipFileReader | null;
  /** What reading it left out (a .docx's hidden text). */
  notices: ImportNotice[];
}

/** mammoth's HTML of the .docx without its hidden text, which mammoth would show; said. */
async function readDocx(docx: DocxPackage, images: DocumentImages): Promise<ReadDocument> {
  const notices = await removeHiddenRuns(docx).catch(() => {
    throw new ImportError('corrupt', 'This .docx could not be read: it may be damaged');
  });
  return { html: await docxToHtml(docx, images), kind: 'docx', readZipFile: null, notices };
}

async function readDocument(bytes: Uint8Array, images: DocumentImages): Promise<ReadDocument> {
  const zipped = isZip(bytes) ? await readZipContents(bytes) : null;
  if (!zipped && !looksLikeHtml(bytes)) throw notADocument();
  if (zipped?.kind === 'docx') return readDocx(zipped.docx, images);
  return {
    html: zipped ? zipped.html.replace(UTF8_BOM, '') : decodeHtml(bytes),
    kind: 'html',
    readZipFile: zipped?.readFile ?? null,
    notices: [],
  };
}

/**
 * A .docx (through mammoth) or a Google Docs HTML download (or Word's "web page") → an article
 * document through the same pipeline as paste. Pictures go through `options.storeImage` (the
 * upload pipeline) and become image nodes where they stood. Refuses with an ImportError: not
 * such a file, too large, too many pictures, damaged, empty, or not a valid article. Pictures
 * stored before a refusal are the caller's to remove (see importDraft).
 */
export async function importDocument(
  { fileName, bytes }: ImportInput,
  options: ImportOptions = {},
): Promise<ImportedDocument> {
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes)
    throw new ImportError(
      'too_large',
      `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`,
    );
  if (bytes.byteLength === 0) throw new ImportError('empty', 'The file is empty');
  const images = new DocumentImages({ ...IMPORT_LIMITS, ...options.imageLimits });
  const read = await readDocument(bytes, images);
  return convert(read, images, fileName, options.storeImage);
}

/** The pictures placed into the cleaned body; without a store they are left out. */
async function withImages(
  body: Element,
  images: DocumentImages,
  storeImage: StoreDocumentImage | undefined,
): Promise<ImportNotice[]> {
  const refs = elementsUnder(body, 'img').map((img) => img.getAttribute('src') ?? '');
  if (!storeImage) {
    placeImages(body, new Map());
    return refs.length > 0 || images.missing > 0 ? [importNotice.notStored()] : [];
  }
  const { placed, notices } = await storeDocumentImages(refs, images, storeImage);
  placeImages(body, placed);
  return notices;
}

/** The converted document, or an ImportError: nothing thrown here becomes a 500. */
async function convert(
  { html, kind, readZipFile, notices: readNotices }: ReadDocument,
  images: DocumentImages,
  fileName: string,
  storeImage: StoreDocumentImage | undefined,
): Promise<ImportedDocument> {
  checkHtmlElements(html);
  const { parseHtml, close } = openNodeHtmlParser();
  try {
    const parsed = guarded(() => parseHtml(html));
    if (nestsDeeperThan(parsed.documentElement, IMPORT_LIMITS.maxHtmlDepth)) throw tooDeep();
    const source: HtmlSource =
      kind === 'docx' ? 'docx' : (detectHtmlSource(parsed, html) ?? 'html');
    // Pictures (and their captions) are marked in the parsed page, which then replaces the
    // original; a page without pictures goes on exactly as it came.
    const hasPictures = elementsUnder(parsed.body, 'img').length > 0;
    if (kind === 'docx') attachCaptions(parsed, images, CAPTION_CLASS);
    else await collectHtmlImages(parsed, images, readZipFile);
    const prepared = hasPictures ? parsed.documentElement.outerHTML : html;
    const cleaned = guarded(() =>
      cleanHtml(prepared, source, { parseHtml, keepImages: true, extractTitle: true }),
    );
    // Before any picture is stored: a document without text is refused as it is.
    if (isBlankText(cleaned.body.textContent))
      throw new ImportError('empty', 'The document has no text to import');
    const imageNotices = await withImages(cleaned.body, images, storeImage);
    const doc = guarded(() => cleanedToDocument(cleaned, getArticleSchema()));
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
      notices: [
        ...readNotices,
        ...pasteNoticesForImport(cleaned.notices),
        ...imageNotices,
        ...noteNotices(doc),
      ],
    };
  } finally {
    await close();
  }
}

/** A Word footnote left empty: imported as it is, and said, since publishing will refuse it. */
function noteNotices(doc: JSONContent): ImportNotice[] {
  const empty = emptyNoteNumbers(doc);
  return empty.length > 0 ? [importNotice.emptyNotes(empty)] : [];
}

/**
 * The paste pipeline's notices, in an import's words: the body keeps its pictures, so its
 * "images were left out" can only mean pictures inside notes (which hold text only).
 */
const pasteNoticesForImport = (notices: PasteNotice[]): ImportNotice[] =>
  notices.map((notice) => (notice.code === 'imagesDropped' ? importNotice.inNotes() : notice));

const hasText = (doc: JSONContent): boolean =>
  (doc.content ?? []).some(
    (node) => node.type !== 'footnotes' && /"text":"\s*\S/.test(JSON.stringify(node)),
  );
