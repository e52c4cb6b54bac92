import mammoth from 'mammoth';
import type { DocxFile, DocxPackage, MammothDocxFile } from './docx-package';
import type { DocumentImages } from './images/document-images';
import { typeName } from './images/document-images';
import { ImportError, isImportError } from './import-error';

/** The class the style map gives Word's "Caption" paragraphs, for finding image captions. */
export const CAPTION_CLASS = 'document-caption';

/**
 * Word styles → the HTML the pipeline reads. Headings 1–6 and lists come from mammoth's
 * defaults; the title is marked so the import can make it the headline, captions so they can
 * go with their image. (mammoth compares style names without regard to case: Word calls the
 * built-in one "caption".)
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.document-title:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  `p[style-name='Caption'] => p.${CAPTION_CLASS}:fresh`,
  // mammoth leaves underline out by default; marked, the import can say it was not kept (the
  // cleaning keeps the words).
  'u => u',
];

/** mammoth passes the picture's alt text (Word's description, else its title), untyped. */
type MammothImage = Parameters<Parameters<typeof mammoth.images.imgElement>[0]>[0] & {
  altText?: string;
};

/**
 * Each picture is read into `images` (limits checked as it is read) and stands in the HTML as
 * an `<img>` with its ref. A picture that cannot be read (a linked file, which is never
 * followed) is counted as missing and left out.
 */
function collectImage(images: DocumentImages) {
  return async (image: MammothImage) => {
    let bytes: Buffer;
    try {
      bytes = await image.readAsBuffer();
    } catch {
      images.missing += 1;
      return { src: '' };
    }
    return { src: images.add(bytes, image.altText, typeName(image.contentType)) };
  };
}

/**
 * mammoth 1.13's input for a .docx it need not open: `{ file }`, as its own `openZip` passes
 * on (not in its typings; the version is pinned).
 */
const openedInput = (file: MammothDocxFile) =>
  ({ file }) as unknown as Parameters<typeof mammoth.convertToHtml>[0];

/**
 * The opened .docx as mammoth reads it, where every file not kept is a picture (mammoth reads
 * nothing else besides the kept XML): checked against the pictures' limits by the size it was
 * counted to unpack to, before it is unpacked (mammoth's image hook sees the bytes only after).
 */
function withPictureLimits(file: DocxFile, images: DocumentImages): MammothDocxFile {
  return {
    exists: (name) => file.exists(name),
    read: async (name, encoding) => {
      if (!file.isKept(name)) images.makeRoomFor(file.unpackedSize(name));
      return file.read(name, encoding);
    },
  };
}

/** mammoth's HTML of an opened .docx: footnotes and endnotes as linked lists at the end. */
export async function docxToHtml(docx: DocxPackage, images: DocumentImages): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(openedInput(withPictureLimits(docx.file, images)), {
      styleMap: STYLE_MAP,
      // A .docx can point at files on this server or URLs: never follow them.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(collectImage(images)),
    });
    images.throwIfRefused();
    return result.value;
  } catch (error) {
    if (isImportError(error)) throw error;
    throw new ImportError('corrupt', 'This .docx could not be read: it may be damaged');
  }
}
