import {
  IMAGE_RENDITION_FORMATS,
  IMAGE_RENDITION_MAX_SIDE,
  IMAGE_UPLOAD_FORMATS,
  renditionHeight,
  renditionWidths,
  type ImageRenditionFormat,
} from '@newsroom/article';
import sharp, { type Sharp } from 'sharp';
import { MediaError } from '../errors';
import { describeBytes, type MediaLimits } from '../limits';

/** What we accept, by the type sniffed from the bytes (never the file name or the header). */
const ACCEPTED_FORMATS = new Set<string>(Object.keys(IMAGE_UPLOAD_FORMATS));

export interface Rendition {
  width: number;
  height: number;
  format: ImageRenditionFormat;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** The sniffed input type ("jpeg", "png", …). */
  format: string;
  /** The original's size after EXIF rotation, i.e. as people see it. */
  width: number;
  height: number;
  renditions: Rendition[];
}

/** The formats people can upload, as messages name them. */
const UPLOADABLE = 'a JPEG, PNG, WebP, AVIF, GIF or TIFF';

// Tuned for a 2-core server: AVIF at effort 2 is several times faster than the default 4 for
// a few percent more bytes; mozjpeg gives smaller JPEGs at the same quality. JPEG has no
// transparency: a transparent logo or chart goes onto white, where encoding alone would turn
// its clear pixels black (and the JPEG is what social previews and feeds show).
const ENCODERS: Record<ImageRenditionFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 78, effort: 3 }),
  jpeg: (image) =>
    image
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true, progressive: true }),
};

/** HEIC photos (iPhones' default) carry HEVC, which this server's image library cannot decode. */
function isHeicPhoto(bytes: Buffer): boolean {
  const brand = bytes.subarray(8, 12).toString('latin1');
  return (
    bytes.subarray(4, 8).toString('latin1') === 'ftyp' &&
    ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(brand)
  );
}

async function readMetadata(bytes: Buffer) {
  try {
    // Reads the header only; the pixel limit is checked by the caller with a clear message.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError(
      'unsupported_type',
      isHeicPhoto(bytes)
        ? `HEIC photos cannot be read here: upload ${UPLOADABLE} (on an iPhone, share or export the photo as JPEG, or set Camera → Formats → Most Compatible)`
        : `This file is not an image we can read: upload ${UPLOADABLE}`,
    );
  }
}

/** The sniffed format, refusing SVG (scripts, external fetches) and anything not a raster photo. */
function checkFormat(format: string): string {
  if (format === 'svg')
    throw new MediaError('svg_refused', `SVG images are not accepted: upload ${UPLOADABLE}`);
  if (!ACCEPTED_FORMATS.has(format))
    throw new MediaError(
      'unsupported_type',
      `${format.toUpperCase()} files are not accepted: upload ${UPLOADABLE}`,
    );
  return format;
}

/**
 * Checks an upload and renders it to every width × format the site serves. Metadata is not
 * copied (sharp writes none unless asked), so EXIF — GPS position, camera serial — is gone;
 * `rotate()` first applies the EXIF orientation, which would otherwise be lost with it.
 */
export async function processImage(bytes: Buffer, limits: MediaLimits): Promise<ProcessedImage> {
  if (bytes.length > limits.maxUploadBytes) throw tooLarge(bytes.length, limits);
  // Markup never reaches the SVG decoder at all: an SVG can carry scripts and remote fetches.
  if (looksLikeMarkup(bytes)) checkFormat('svg');
  // Nor does a gzip-compressed one (.svgz): libvips unpacks it and parses the SVG to read its
  // size, and no format we accept starts compressed.
  if (isGzip(bytes))
    throw new MediaError(
      'unsupported_type',
      `Compressed files (gzip, such as .svgz) are not accepted: upload ${UPLOADABLE}`,
    );
  const metadata = await readMetadata(bytes);
  const format = checkFormat(metadata.format ?? 'unknown');
  // The size people see: EXIF orientations 5–8 swap width and height.
  const { width, height } = metadata.autoOrient;
  if (width > limits.maxDimension || height > limits.maxDimension)
    throw new MediaError(
      'too_many_pixels',
      `The image is ${width}×${height} pixels; the largest side may be ${limits.maxDimension}`,
    );
  if (width * height > limits.maxPixels) throw tooManyPixels(limits);
  checkRenditionHeights(width, height);
  const oriented = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
  const renditions: Rendition[] = [];
  try {
    // One encode at a time: parallel AVIF encodes would take both cores from everyone else.
    for (const renditionWidth of renditionWidths(width)) {
      const resized = oriented.clone().resize({ width: renditionWidth, withoutEnlargement: true });
      for (const renditionFormat of IMAGE_RENDITION_FORMATS) {
        const { data, info } = await ENCODERS[renditionFormat](resized.clone()).toBuffer({
          resolveWithObject: true,
        });
        renditions.push({
          width: info.width,
          height: info.height,
          format: renditionFormat,
          bytes: data,
        });
      }
    }
  } catch (error) {
    throw decodeFailure(error, limits);
  }
  return { format, width, height, renditions };
}

/**
 * A very tall picture (an infographic strip) would need renditions taller than the web formats
 * allow; said plainly, not reported as a damaged file when the encoder gives up.
 */
function checkRenditionHeights(width: number, height: number) {
  const widest = Math.max(...renditionWidths(width));
  const tallest = renditionHeight({ width, height }, widest);
  if (tallest > IMAGE_RENDITION_MAX_SIDE)
    throw new MediaError(
      'too_tall',
      `The image is ${width}×${height} pixels: shown ${widest} px wide it would be ${tallest} px tall, and web image formats allow at most ${IMAGE_RENDITION_MAX_SIDE}. Split it into several images, or crop it`,
    );
}

/** gzip's magic number (RFC 1952). */
const isGzip = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The first character after a BOM and whitespace is `<`: XML, SVG or HTML, not a photo. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}

function tooLarge(size: number, limits: MediaLimits) {
  return new MediaError(
    'too_large',
    `The file is ${describeBytes(size)}; images may be at most ${describeBytes(limits.maxUploadBytes)}`,
  );
}

function tooManyPixels(limits: MediaLimits) {
  return new MediaError(
    'too_many_pixels',
    `The image has more than ${limits.maxPixels / 1_000_000} megapixels; scale it down first`,
  );
}

function decodeFailure(error: unknown, limits: MediaLimits): MediaError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(reason)) return tooManyPixels(limits);
  return new MediaError('corrupt_image', 'The image could not be decoded: the file may be damaged');
}
