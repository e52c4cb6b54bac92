/**
 * How a stored image is published: the widths and formats every upload is rendered to, and the
 * URLs they are served at. The media package writes exactly these files, the renderer and the
 * editor link to exactly these URLs, so the three can never disagree.
 */

/** Widths in CSS pixels × 2 cover the reader column (≤ 632 px) on phones and retina screens. */
export const IMAGE_RENDITION_WIDTHS = [400, 800, 1200, 1600] as const;

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
export const ARTICLE_IMAGE_SIZES = '(min-width: 42rem) 39.5rem, calc(100vw - 2rem)';

/**
 * The widths an image of `originalWidth` pixels is rendered at: never upscaled, so a small
 * image gets one rendition at its own width.
 */
export function renditionWidths(originalWidth: number): number[] {
  const widths: number[] = IMAGE_RENDITION_WIDTHS.filter((width) => width <= originalWidth);
  if (widths.length === 0) widths.push(Math.max(1, Math.floor(originalWidth)));
  return widths;
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
