import JSZip from 'jszip';
import { openDocx, type DocxPackage } from './docx-package';
import { ImportError, isImportError } from './import-error';
import { declaredWithinLimit, unpackedSizes } from './zip-size';

/** A file beside the web page in the zip, by the path the page's `src` gives; null: none. */
export type ZipFileReader = (src: string) => Promise<Buffer | null>;

export type ZipContents =
  { kind: 'docx'; docx: DocxPackage } | { kind: 'html'; html: string; readFile: ZipFileReader };

const damaged = () =>
  new ImportError('corrupt', 'This file is damaged or unpacks to too much data');

/**
 * The zip entry an `<img src>` of the page names: relative paths only (`images/image1.png`),
 * never a scheme, an absolute path or a way up (`..`). null for anything else.
 */
export function zipEntryName(src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\')) return null;
  let path: string;
  try {
    path = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (
    segments.length === 0 ||
    segments.some((segment) => segment === '..' || segment.includes('\\'))
  )
    return null;
  return segments.join('/');
}

/**
 * What a zip holds: a Word document (a main document part, found as mammoth finds it), opened
 * for its conversion, or Google Docs' zipped "Web page" download (one `.html` file, its images
 * beside it in `images/`). The zip is opened once, and its files unpacked once to count them
 * (see unpackedSizes) before anything reads one.
 */
export async function readZipContents(bytes: Uint8Array): Promise<ZipContents> {
  if (!declaredWithinLimit(bytes)) throw damaged();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged();
  }
  const sizes = await unpackedSizes(zip).catch(() => null);
  if (!sizes) throw damaged();
  const docx = await openDocx(zip, sizes).catch((error: unknown) => {
    throw isImportError(error) ? error : damaged();
  });
  if (docx) return { kind: 'docx', docx };
  const pages = zip.file(/^[^/]+\.html?$/i);
  if (pages.length === 1)
    return {
      kind: 'html',
      html: await pages[0]!.async('string'),
      readFile: async (src) => {
        const name = zipEntryName(src);
        const entry = name === null ? null : zip.file(name);
        if (!entry) return null;
        try {
          return await entry.async('nodebuffer');
        } catch {
          throw damaged();
        }
      },
    };
  throw new ImportError(
    'unsupported_type',
    'This zip holds neither a Word document nor one Google Docs web page',
  );
}
