/** Bounds on an image node's texts and sizes, shared by validation, the editor and uploads. */
export const IMAGE_LIMITS = {
  maxAltLength: 500,
  maxCaptionLength: 1000,
  maxCreditLength: 200,
  /** Decoded pixels per side; also what sharp is allowed to open. */
  maxDimension: 20_000,
} as const;

/**
 * The formats an upload may be in (the media package sniffs them from the bytes, never trusting
 * the name), each with the MIME type a browser's file picker filters on.
 */
export const IMAGE_UPLOAD_FORMATS = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heif: 'image/heif',
  tiff: 'image/tiff',
} as const;

/** `<input type="file" accept>` for image uploads. */
export const IMAGE_UPLOAD_ACCEPT = Object.values(IMAGE_UPLOAD_FORMATS).join(',');

/**
 * The smallest picture link previews show large (Facebook's large card wants 600×315 at least;
 * X's large card 300×157): below it an article's preview uses the small card.
 */
export const LARGE_PREVIEW_MIN = { width: 600, height: 315 } as const;

export function fitsLargePreview(image: { width: number; height: number }): boolean {
  return image.width >= LARGE_PREVIEW_MIN.width && image.height >= LARGE_PREVIEW_MIN.height;
}
