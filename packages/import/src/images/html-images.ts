import { elementsUnder } from '@newsroom/article';
import type { DocumentImages } from './document-images';
import { typeName } from './document-images';
import type { ZipFileReader } from '../zip-contents';

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,([a-z0-9+/=\s]+)$/i;

/**
 * The pictures of an HTML document into `images`, each `<img>` then pointing at its ref:
 * data: URLs are decoded, relative paths read from the zip they came in. Anything else (a web
 * address, a `file:` path, a file not in the zip) is never fetched: left out and counted.
 */
export async function collectHtmlImages(
  doc: Document,
  images: DocumentImages,
  readFile: ZipFileReader | null,
): Promise<void> {
  for (const img of elementsUnder(doc.body, 'img')) {
    const src = img.getAttribute('src')?.trim() ?? '';
    const dataUrl = DATA_URL.exec(src);
    const bytes = dataUrl
      ? Buffer.from(dataUrl[2]!.replace(/\s+/g, ''), 'base64')
      : readFile && src
        ? await readFile(src)
        : null;
    if (!bytes || bytes.length === 0) {
      images.missing += 1;
      img.remove();
      continue;
    }
    const alt = img.getAttribute('alt') || img.getAttribute('title') || '';
    img.setAttribute('src', images.add(bytes, alt, typeName(dataUrl ? dataUrl[1]! : src)));
  }
}
