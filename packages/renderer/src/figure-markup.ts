import {
  articleImageSizes,
  fallbackRenditionPath,
  IMAGE_FORMAT_MIME,
  IMAGE_ID_PATTERN,
  IMAGE_LIMITS,
  imageSrcset,
} from '@newsroom/article';
import { escapeHtml } from './escape-html';

/** An image as the renderer reads it from (possibly unvalidated) JSON. */
export interface FigureImage {
  imageId: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

const isPixels = (value: unknown): value is number =>
  Number.isInteger(value) &&
  (value as number) >= 1 &&
  (value as number) <= IMAGE_LIMITS.maxDimension;

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** The attributes of a renderable image, or null: an id or size we can't trust is not shown. */
export function readFigureImage(attrs: Record<string, unknown>): FigureImage | null {
  const { imageId, width, height } = attrs;
  if (typeof imageId !== 'string' || !IMAGE_ID_PATTERN.test(imageId)) return null;
  if (!isPixels(width) || !isPixels(height)) return null;
  return {
    imageId,
    width,
    height,
    alt: textOf(attrs.alt),
    caption: textOf(attrs.caption).trim(),
    credit: textOf(attrs.credit).trim(),
  };
}

export interface FigureOptions {
  /** Below the fold: let the browser fetch it when it comes near the viewport. */
  lazy: boolean;
  className?: string;
}

/**
 * `<figure>` with a `<picture>` of AVIF and WebP sources and a JPEG `<img>` fallback. Width and
 * height are the original's, so the browser reserves the right box before a byte arrives (no
 * layout shift); caption and credit are separate elements, since agencies require the credit.
 */
export function figureHtml(
  image: FigureImage,
  { lazy, className = 'article-image' }: FigureOptions,
) {
  const { imageId, width } = image;
  const sizes = escapeHtml(articleImageSizes(width));
  const sources = (['avif', 'webp'] as const)
    .map(
      (format) =>
        `<source type="${IMAGE_FORMAT_MIME[format]}" srcset="${imageSrcset(imageId, width, format)}" sizes="${sizes}">`,
    )
    .join('');
  const img =
    `<img src="${fallbackRenditionPath(imageId, width)}" srcset="${imageSrcset(imageId, width, 'jpeg')}"` +
    ` sizes="${sizes}" width="${width}" height="${image.height}" alt="${escapeHtml(image.alt)}"` +
    (lazy ? ' loading="lazy"' : '') +
    ' decoding="async">';
  const caption = image.caption
    ? `<span class="image-caption">${escapeHtml(image.caption)}</span>`
    : '';
  const credit = image.credit
    ? `<span class="image-credit">${escapeHtml(image.credit)}</span>`
    : '';
  const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
  return `<figure class="${className}"><picture>${sources}${img}</picture>${figcaption}</figure>`;
}
