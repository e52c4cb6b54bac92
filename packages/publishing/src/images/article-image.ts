import {
  fallbackRenditionPath,
  IMAGE_FORMAT_MIME,
  renditionHeight,
  renditionWidths,
} from '@newsroom/article';
import { figureHtml } from '@newsroom/renderer';

/** An article's image as readers, crawlers and feeds get it. */
export interface ArticleImage {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  /** The original's size (after rotation); the aspect ratio of every rendition. */
  width: number;
  height: number;
  /** Site-relative URL of the JPEG closest to 1200 px wide: og:image, JSON-LD, feeds. */
  src: string;
  srcWidth: number;
  srcHeight: number;
  contentType: string;
}

export interface ImageRow {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export const imageRowSelect = {
  id: true,
  alt: true,
  caption: true,
  credit: true,
  width: true,
  height: true,
} as const;

export function toArticleImage(row: ImageRow): ArticleImage {
  const src = fallbackRenditionPath(row.id, row.width);
  const srcWidth =
    renditionWidths(row.width)
      .filter((width) => width <= 1200)
      .pop() ?? row.width;
  return {
    ...row,
    src,
    srcWidth: Math.min(srcWidth, row.width),
    srcHeight: renditionHeight(row, Math.min(srcWidth, row.width)),
    contentType: IMAGE_FORMAT_MIME.jpeg,
  };
}

/** The lead image above the article: in the first screen, so never lazy. */
export function renderLeadImage(image: ArticleImage): string {
  return figureHtml({ ...image, imageId: image.id }, { lazy: false, className: 'lead-image' });
}
