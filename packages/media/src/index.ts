// @newsroom/media: uploaded images. Checking and rendering them (sharp), storing their files
// (disk or S3-compatible) and their rows (the Image table), and reading renditions back.
export { MediaError, isMediaError, type MediaErrorCode } from './errors';
export {
  DEFAULT_MEDIA_LIMITS,
  describeBytes,
  mediaLimitsFromEnv,
  type MediaLimits,
} from './limits';
export type { MediaStorage, StoredFile } from './storage/media-storage';
export { DiskMediaStorage } from './storage/disk-storage';
export { S3MediaStorage, type S3MediaStorageOptions } from './storage/s3-storage';
export { mediaStorageFromEnv } from './storage/storage-from-env';
export { processImage, type ProcessedImage, type Rendition } from './processing/process-image';
export {
  deleteImages,
  findImage,
  imageTextsSchema,
  readRendition,
  storeImage,
  type ImageTexts,
  type StoreImageInput,
  type StoredImage,
} from './images/image-service';
