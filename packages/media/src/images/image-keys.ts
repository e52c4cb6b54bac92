import { IMAGE_FORMAT_EXTENSION, type ImageRenditionFormat } from '@newsroom/article';

/** Storage keys mirror the public URLs: `images/<id>/<width>.<ext>`. */
export const imageFolderKey = (imageId: string) => `images/${imageId}`;

export const renditionKey = (imageId: string, width: number, format: ImageRenditionFormat) =>
  `${imageFolderKey(imageId)}/${width}.${IMAGE_FORMAT_EXTENSION[format]}`;
