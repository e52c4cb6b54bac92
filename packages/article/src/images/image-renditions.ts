/**
 * How a stored image is published: the widths and formats every upload is rendered to, and the
 * URLs they are served at. The media package writes exactly these files, the renderer and the
 * editor link to exactly these URLs, so the three can never disagree.
 */

/** Widths in CSS pixels × 2 cover the reader column (≤ 632 px) on phones and retina screens. */
export const IMAGE_RENDITION_WIDTHS = [400, 800, 1200, 1600] as const;

/** The longest side WebP allows (AVIF 16,384): no rendition may be taller. */
export const IMAGE_RENDITION_MAX_SIDE = 16_383;

/** Best first: the browser takes the first `<source>` type it can decode; JPEG is the fallback. */
export const IMAGE_RENDITION_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type ImageRenditionFormat = (typeof IMAGE_RENDITION_FORMATS)[number];

export const IMAGE_FORMAT_EXTENSION: Record<ImageRenditionFormat, string> = {
  avif: 'avif',
  webp: 'webp',
  jpeg: 'jpg',
};

export const IMAGE_FORMAT_MIME: Record<ImageRenditionFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/** Where the editor app serves renditions: `/media/images/<id>/<width>.<ext>`. */
export const IMAGE_PATH_PREFIX = '/media/images';

/** Stored image ids (Prisma cuids today); anything else in a URL or document is refused. */
export const IMAGE_ID_PATTERN = /^[a-z0-9]{8,40}$/;

/** The reader column is `--measure` (42rem) minus 1.25rem padding on each side. */
const READER_COLUMN = { from: '42rem', wide: '39.5rem', narrow: 'calc(100vw - 2rem)' };

/**
 * `sizes` for a picture `width` pixels wide: the reader column, but never wider than the picture
 * itself (the page shows a small picture at its own size, not stretched and blurred).
 */
export function articleImageSizes(width: number): string {
  const own = `${Math.max(1, Math.floor(width))}px`;
  const { from, wide, narrow } = READER_COLUMN;
  return `(min-width: ${from}) min(${wide}, ${own}), min(${narrow}, ${own})`;
}

/**
 * An image at most this much wider than the widest standard rendition below it gets no rendition
 * at its own width: the standard one looks the same (a 1250 px picture served at 1200).
 */
const OWN_WIDTH_MIN_GAIN = 1.2;

/**
 * The widths an image of `originalWidth` pixels is rendered at: the standard widths it reaches,
 * never upscaled, and its own width when that is noticeably wider than the widest of them and
 * below the largest standard width (so a 640 px picture is not shown from its 400 px rendition,
 * blurred, in a 632 px column). A small image gets one rendition at its own width.
 */
export function renditionWidths(originalWidth: number): number[] {
  const ownWidth = Math.max(1, Math.floor(originalWidth));
  const widths: number[] = IMAGE_RENDITION_WIDTHS.filter((width) => width <= ownWidth);
  const widest = widths.at(-1);
  const largestStandard = Math.max(...IMAGE_RENDITION_WIDTHS);
  if (
    widest === undefined ||
    (ownWidth < largestStandard && ownWidth >= widest * OWN_WIDTH_MIN_GAIN)
  )
    widths.push(ownWidth);
  return widths;
}

/**
 * The standard rendition to serve when one at an image's own width is missing: images stored
 * before own-width renditions existed have only the standard widths below it.
 */
export function standardWidthBelow(width: number): number | null {
  if ((IMAGE_RENDITION_WIDTHS as readonly number[]).includes(width)) return null;
  return IMAGE_RENDITION_WIDTHS.filter((standard) => standard < width).at(-1) ?? null;
}

export function imageRenditionPath(
  imageId: string,
  width: number,
  format: ImageRenditionFormat,
): string {
  return `${IMAGE_PATH_PREFIX}/${imageId}/${width}.${IMAGE_FORMAT_EXTENSION[format]}`;
}

/** The rendition file name as it appears in a URL (`800.webp`), or null for anything else. */
export function parseRenditionFile(
  file: string,
): { width: number; format: ImageRenditionFormat } | null {
  const match = /^([1-9][0-9]{0,4})\.(avif|webp|jpg)$/.exec(file);
  if (!match) return null;
  const format = IMAGE_RENDITION_FORMATS.find(
    (candidate) => IMAGE_FORMAT_EXTENSION[candidate] === match[2],
  );
  return format ? { width: Number(match[1]), format } : null;
}

/** `srcset` of one format: every rendition width of the image. */
export function imageSrcset(
  imageId: string,
  originalWidth: number,
  format: ImageRenditionFormat,
): string {
  return renditionWidths(originalWidth)
    .map((width) => `${imageRenditionPath(imageId, width, format)} ${width}w`)
    .join(', ');
}

/** The JPEG closest to `wanted` pixels wide: the `src` fallback, og:image, feeds. */
export function fallbackRenditionPath(
  imageId: string,
  originalWidth: number,
  wanted = 1200,
): string {
  const widths = renditionWidths(originalWidth);
  const width = widths.filter((candidate) => candidate <= wanted).pop() ?? widths[0] ?? 1;
  return imageRenditionPath(imageId, width, 'jpeg');
}

/** Height of a rendition `width` pixels wide, keeping the original's aspect ratio. */
export function renditionHeight(original: { width: number; height: number }, width: number) {
  return Math.max(1, Math.round((original.height * width) / original.width));
}
