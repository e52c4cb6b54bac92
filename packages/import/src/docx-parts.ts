import type JSZip from 'jszip';
import { ImportError, isImportError } from './import-error';
import { IMPORT_LIMITS } from './import-limits';
import { unpackedBytes, unpackWithin } from './zip-size';
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

/** The one private function of mammoth used here, as mammoth 1.13 defines it. */
interface MammothDocxReader {
  _findPartPaths(docxFile: {
    exists(name: string): boolean;
    read(name: string, encoding?: string): Promise<string | Uint8Array>;
  }): Promise<DocxParts>;
}
const docxReader = mammothDocxReader as MammothDocxReader;

/**
 * Where a .docx keeps its parts, found as mammoth finds them: the package's relationships name
 * the main document (Word Online writes `word/document2.xml`, with no `word/document.xml`), and
 * the main document's name its styles and notes, each with mammoth's fallback. mammoth's own
 * function (private, so its version is pinned), not a copy: the hidden-text pass must read the
 * very parts mammoth converts, or hidden text in a part it did not read would show. Null when
 * there is no main document (not a Word file).
 */
export async function docxParts(zip: JSZip): Promise<DocxParts | null> {
  const docxFile = {
    exists: (name: string) => zip.file(name) !== null,
    // The relationships that name the parts, no larger than the parts themselves may be.
    read: async (name: string, encoding?: string) => {
      const bytes = await unpackedBytes(zip.file(name)!, IMPORT_LIMITS.maxDocumentXmlBytes);
      if (bytes === null) throw documentXmlTooLarge();
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
  try {
    return await docxReader._findPartPaths(docxFile);
  } catch (error) {
    if (isImportError(error)) throw error;
    return null; // "Could not find main document part"
  }
}

export const documentXmlTooLarge = () =>
  new ImportError(
    'too_large',
    `This document's text is too long to import: its Word XML (text, notes, comments and styles) unpacks to more than ${IMPORT_LIMITS.maxDocumentXmlBytes / 1024 / 1024} MB`,
  );

/** Where mammoth looks for a part's relationships: `word/_rels/document.xml.rels`. */
const RELATIONSHIPS = /(?:^|\/)_rels\/[^/]+\.rels$/;
/** A style map mammoth reads from the file by default (its own `embedStyleMap` writes it). */
const EMBEDDED_STYLE_MAP = 'mammoth/style-map';

/**
 * Whether what mammoth parses of a .docx besides its pictures (the parts, the relationships of
 * any part, the content types and an embedded style map) unpacks to at most
 * IMPORT_LIMITS.maxDocumentXmlBytes together, counted as it is unpacked (see unpackWithin):
 * checked before anything parses them. Throws if one cannot be unpacked.
 */
export async function documentXmlWithinLimit(zip: JSZip, parts: DocxParts): Promise<boolean> {
  const names = new Set([
    '[Content_Types].xml',
    EMBEDDED_STYLE_MAP,
    parts.mainDocument,
    parts.footnotes,
    parts.endnotes,
    parts.comments,
    parts.styles,
    parts.numbering,
    ...Object.keys(zip.files).filter((name) => RELATIONSHIPS.test(name)),
  ]);
  const entries = [...names].flatMap((name) => zip.file(name) ?? []);
  return unpackWithin(entries, IMPORT_LIMITS.maxDocumentXmlBytes);
}
