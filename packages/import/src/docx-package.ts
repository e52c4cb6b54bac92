import type JSZip from 'jszip';
import { ImportError, isImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import type { UnpackedSizes } from './zip-size';
// @ts-expect-error -- mammoth ships no types for its internals: typed below (MammothDocxReader)
import mammothDocxReader from 'mammoth/lib/docx/docx-reader.js';

/** The parts of a .docx that mammoth reads for text, styles, lists and notes, by their zip paths. */
export interface DocxParts {
  mainDocument: string;
  styles: string;
  numbering: string;
  footnotes: string;
  endnotes: string;
  comments: string;
}

/**
 * A .docx as mammoth 1.13 reads it: what its own `openZip` makes of a zip, and what it takes as
 * the `{ file }` input (not in its typings, so its version is pinned).
 */
export interface MammothDocxFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/** The one private function of mammoth used here, as mammoth 1.13 defines it. */
interface MammothDocxReader {
  _findPartPaths(docxFile: MammothDocxFile): Promise<DocxParts>;
}
const docxReader = mammothDocxReader as MammothDocxReader;

export const documentXmlTooLarge = () =>
  new ImportError(
    'too_large',
    `This document's text is too long to import: its Word XML (text, notes, comments and styles) unpacks to more than ${IMPORT_LIMITS.maxDocumentXmlBytes / 1024 / 1024} MB`,
  );

/** Where mammoth looks for a part's relationships: `word/_rels/document.xml.rels`. */
const RELATIONSHIPS = /(?:^|\/)_rels\/[^/]+\.rels$/;
/** A style map mammoth reads from the file by default (its own `embedStyleMap` writes it). */
const EMBEDDED_STYLE_MAP = 'mammoth/style-map';

/** Read as mammoth's own zip reader reads (base64 for its data: URLs, text, or bytes). */
function decoded(bytes: Uint8Array, encoding: string | undefined): string | Uint8Array {
  if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
  return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
}

/**
 * A .docx's zip, opened once, for the hidden-text pass and then mammoth (as its `{ file }` input,
 * so it neither reopens the zip nor unpacks the text again): the XML mammoth parses besides the
 * pictures is unpacked once and kept (at most IMPORT_LIMITS.maxDocumentXmlBytes, see openDocx).
 * Pictures are unpacked when mammoth reads them, each to the size counted (see unpackedSizes).
 */
export class DocxFile implements MammothDocxFile {
  private readonly xml = new Map<string, Uint8Array>();

  constructor(
    private readonly zip: JSZip,
    private readonly sizes: UnpackedSizes,
  ) {}

  exists(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  async read(name: string, encoding?: string): Promise<string | Uint8Array> {
    const kept = this.xml.get(name);
    if (kept) return decoded(kept, encoding);
    const entry = this.zip.file(name);
    if (!entry) throw new Error(`No ${name} in the file`);
    return decoded(await entry.async('uint8array'), encoding);
  }

  /** Whether `name` was unpacked and kept (the XML mammoth parses), or is unpacked when read. */
  isKept(name: string): boolean {
    return this.xml.has(name);
  }

  /** What the file `name` unpacks to, as counted when the zip was opened (0: no such file). */
  unpackedSize(name: string): number {
    return this.sizes.get(name) ?? 0;
  }

  /** A part's XML as text, or undefined when the file has no such part. */
  async text(name: string): Promise<string | undefined> {
    return this.exists(name) ? ((await this.read(name, 'utf-8')) as string) : undefined;
  }

  /** What mammoth will read of the part from now on (the hidden-text pass's cleaned XML). */
  replaceText(name: string, xml: string): void {
    this.xml.set(name, new TextEncoder().encode(xml));
  }

  /** Whether `names` unpack to at most IMPORT_LIMITS.maxDocumentXmlBytes together. */
  xmlWithinLimit(names: Iterable<string>): boolean {
    let total = 0;
    for (const name of names) total += this.sizes.get(name) ?? 0;
    return total <= IMPORT_LIMITS.maxDocumentXmlBytes;
  }

  /** Unpacks the files of `names` the zip holds, once, to be read from memory from now on. */
  async keep(names: Iterable<string>): Promise<void> {
    for (const name of names) {
      const entry = this.zip.file(name);
      if (entry && !this.xml.has(name)) this.xml.set(name, await entry.async('uint8array'));
    }
  }
}

/** A .docx opened once, and where its parts are. */
export interface DocxPackage {
  file: DocxFile;
  parts: DocxParts;
}

/**
 * A checked zip (see unpackedSizes) as a .docx, or null when there is no main document (not a
 * Word file). Its parts are found as mammoth finds them: the package's relationships name the
 * main document (Word Online writes `word/document2.xml`, with no `word/document.xml`), and the
 * main document's name its styles and notes, each with mammoth's fallback. mammoth's own
 * function (private, so its version is pinned), not a copy: the hidden-text pass must read the
 * very parts mammoth converts, or hidden text in a part it did not read would show.
 *
 * Refused as too large (before anything parses them) when what mammoth parses besides the
 * pictures (the parts, the relationships of any part, the content types and an embedded style
 * map) unpacks to more than IMPORT_LIMITS.maxDocumentXmlBytes together, by the sizes counted:
 * each megabyte costs seconds. Throws if a part cannot be unpacked.
 */
export async function openDocx(zip: JSZip, sizes: UnpackedSizes): Promise<DocxPackage | null> {
  const file = new DocxFile(zip, sizes);
  const packageXml = [
    '[Content_Types].xml',
    EMBEDDED_STYLE_MAP,
    ...[...sizes.keys()].filter((name) => RELATIONSHIPS.test(name)),
  ];
  const finder: MammothDocxFile = {
    exists: (name) => file.exists(name),
    // The relationships that name the parts, no larger than the parts themselves may be.
    read: async (name, encoding) => {
      if (!file.xmlWithinLimit([name])) throw documentXmlTooLarge();
      await file.keep([name]);
      return file.read(name, encoding);
    },
  };
  let parts: DocxParts;
  try {
    parts = await docxReader._findPartPaths(finder);
  } catch (error) {
    if (isImportError(error)) throw error;
    return null; // "Could not find main document part"
  }
  const { mainDocument, footnotes, endnotes, comments, styles, numbering } = parts;
  const names = new Set([
    ...packageXml,
    mainDocument,
    footnotes,
    endnotes,
    comments,
    styles,
    numbering,
  ]);
  if (!file.xmlWithinLimit(names)) throw documentXmlTooLarge();
  await file.keep(names);
  return { file, parts };
}
