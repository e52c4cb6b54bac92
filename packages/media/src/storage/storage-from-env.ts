import path from 'node:path';
import { dataDir } from '@newsroom/db';
import { DiskMediaStorage } from './disk-storage';
import type { MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-storage';

/**
 * S3-compatible storage when `MEDIA_S3_BUCKET` is set, otherwise the `media` folder of the data
 * directory (`NEWSROOM_DATA_DIR`, default `<repo>/data`).
 */
export function mediaStorageFromEnv(env: NodeJS.ProcessEnv = process.env): MediaStorage {
  const bucket = env.MEDIA_S3_BUCKET?.trim();
  if (bucket) {
    return new S3MediaStorage({
      bucket,
      prefix: env.MEDIA_S3_PREFIX?.trim() || undefined,
      region: env.MEDIA_S3_REGION?.trim() || env.AWS_REGION?.trim() || undefined,
      endpoint: env.MEDIA_S3_ENDPOINT?.trim() || undefined,
      forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE
        ? env.MEDIA_S3_FORCE_PATH_STYLE === '1' || env.MEDIA_S3_FORCE_PATH_STYLE === 'true'
        : undefined,
    });
  }
  const root = env.NEWSROOM_DATA_DIR?.trim()
    ? path.resolve(env.NEWSROOM_DATA_DIR.trim())
    : dataDir();
  return new DiskMediaStorage(path.join(root, 'media'));
}
