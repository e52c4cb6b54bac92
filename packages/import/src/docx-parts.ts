import type JSZip from 'jszip';
// @ts-expect-error -- mammoth ships no types for its internals: typed below (MammothDocxReader)
import mammothDocxReader from 'mammoth/lib/docx/docx-reader.js';

/** The parts of a .docx that mammoth turns into text, styles and notes, by their zip paths. */
export interface DocxParts {
  mainDocument: string;
  styles: string;
  footnotes: string;
  endnotes: string;
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
    read: async (name: string, encoding?: string) => {
      const bytes = await zip.file(name)!.async('uint8array');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
  try {
    return await docxReader._findPartPaths(docxFile);
  } catch {
    return null; // "Could not find main document part"
  }
}
