import mammoth from 'mammoth';
import { ImportError } from './import-error';

/**
 * Word styles → the HTML the pipeline reads. Headings 1–6 and lists come from mammoth's
 * defaults; the title is marked so the import can make it the headline.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.document-title:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** mammoth's HTML of a .docx: footnotes and endnotes as linked lists at the end. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // A .docx can point at files on this server or URLs: never follow them.
        externalFileAccess: false,
        // Images are left out of imports (see importDocument): don't decode them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return result.value;
  } catch {
    throw new ImportError('corrupt', 'This .docx could not be read: it may be damaged');
  }
}
