import JSZip from 'jszip';
import { ImportError } from './import-error';
import { unpacksWithinLimit } from './zip-size';

export type ZipContents = { kind: 'docx' } | { kind: 'html'; html: string };

const damaged = () =>
  new ImportError('corrupt', 'This file is damaged or unpacks to too much data');

/**
 * What a zip holds: a Word document (`word/document.xml`), or Google Docs' zipped "Web page"
 * download (one `.html` file, images beside it, which are not imported).
 */
export async function readZipContents(bytes: Uint8Array): Promise<ZipContents> {
  if (!unpacksWithinLimit(bytes)) throw damaged();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw damaged();
  }
  if (zip.file('word/document.xml')) return { kind: 'docx' };
  const pages = zip.file(/^[^/]+\.html?$/i);
  if (pages.length === 1) return { kind: 'html', html: await pages[0]!.async('string') };
  throw new ImportError(
    'unsupported_type',
    'This zip holds neither a Word document nor one Google Docs web page',
  );
}
