import {
  ALT_TEXT_NEEDED,
  IMAGE_LIMITS,
  IMAGE_UPLOAD_FORMATS,
  type ImageAttributes,
} from '@newsroom/article';
import { isMediaError, type StoredImage } from '@newsroom/media';
import { importNotice, type ImportNotice } from '../import-notices';
import type { DocumentImages } from './document-images';
import { fitImageText } from './place-images';

/** Stores one picture through the upload pipeline (checks, renditions, storage, its row). */
export type StoreDocumentImage = (image: {
  bytes: Buffer;
  alt: string;
  caption: string;
  credit: string;
}) => Promise<StoredImage>;

export interface StoredDocumentImages {
  /** By ref: the image node attributes of each picture that was stored. */
  placed: Map<string, ImageAttributes>;
  notices: ImportNotice[];
}

type Refusal = 'unsupported' | 'unreadable' | 'tooLarge';

/** Why the pipeline refused a picture, or null when it was not a refusal (a fault: rethrown). */
function refusalOf(error: unknown): Refusal | null {
  if (!isMediaError(error)) return null;
  switch (error.code) {
    case 'unsupported_type':
    case 'svg_refused':
      return 'unsupported';
    case 'too_large':
    case 'too_many_pixels':
    case 'too_tall':
      return 'tooLarge';
    case 'corrupt_image':
    case 'invalid_metadata':
      return 'unreadable';
    default:
      return null;
  }
}

/** Types we take ("PNG", "JPG" …): one of them that cannot be read is damaged, not refused. */
const ACCEPTED_TYPE_NAMES = new Set([
  ...Object.keys(IMAGE_UPLOAD_FORMATS).map((format) => format.toUpperCase()),
  'JPG',
]);

function refusalOfPicture(error: unknown, claimedType: string): Refusal | null {
  const refusal = refusalOf(error);
  return refusal === 'unsupported' &&
    isMediaError(error) &&
    error.code === 'unsupported_type' &&
    ACCEPTED_TYPE_NAMES.has(claimedType)
    ? 'unreadable'
    : refusal;
}

/**
 * The pictures the body shows (`refs`, in order), one at a time through `store`. A picture the
 * pipeline refuses (EMF, WMF, SVG, damaged, too large) is left out and counted, never failing
 * the import; any other error (the storage is down) is thrown, and the caller removes what was
 * stored. A picture without alt text gets ALT_TEXT_NEEDED and is listed in a notice.
 */
export async function storeDocumentImages(
  refs: readonly string[],
  images: DocumentImages,
  store: StoreDocumentImage,
): Promise<StoredDocumentImages> {
  const placed = new Map<string, ImageAttributes>();
  const refused = { unsupported: 0, unreadable: 0, tooLarge: 0 };
  const unsupportedTypes = new Set<string>();
  const needAlt: number[] = [];
  for (const ref of new Set(refs)) {
    const image = images.get(ref);
    if (!image) continue;
    const alt = fitImageText(image.alt) || ALT_TEXT_NEEDED;
    try {
      const stored = await store({
        bytes: image.bytes,
        alt,
        caption: fitImageText(image.caption, IMAGE_LIMITS.maxCaptionLength),
        credit: image.credit,
      });
      placed.set(ref, { imageId: stored.id, ...pick(stored) });
      if (alt === ALT_TEXT_NEEDED) needAlt.push(placed.size);
    } catch (error) {
      const refusal = refusalOfPicture(error, image.claimedType);
      if (!refusal) throw error;
      refused[refusal] += 1;
      if (refusal === 'unsupported')
        unsupportedTypes.add(
          isMediaError(error) && error.code === 'svg_refused' ? 'SVG' : image.claimedType,
        );
    }
  }
  const notices: ImportNotice[] = [];
  if (refused.unsupported)
    notices.push(importNotice.unsupported(refused.unsupported, [...unsupportedTypes]));
  if (refused.unreadable) notices.push(importNotice.unreadable(refused.unreadable));
  if (refused.tooLarge) notices.push(importNotice.tooLarge(refused.tooLarge));
  if (images.missing) notices.push(importNotice.missing(images.missing));
  if (needAlt.length) notices.push(importNotice.altTextNeeded(needAlt));
  return { placed, notices };
}

const pick = ({ alt, caption, credit, width, height }: StoredImage) => ({
  alt,
  caption,
  credit,
  width,
  height,
});
