import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaStorageFromEnv } from './storage-from-env';

describe('mediaStorageFromEnv', () => {
  it('uses the media folder of NEWSROOM_DATA_DIR by default', () => {
    const storage = mediaStorageFromEnv({ NEWSROOM_DATA_DIR: '/srv/newsroom-data' });
    expect(storage.description).toBe(`disk ${path.join('/srv/newsroom-data', 'media')}`);
  });

  it('uses S3-compatible storage when MEDIA_S3_BUCKET is set', () => {
    const storage = mediaStorageFromEnv({
      MEDIA_S3_BUCKET: 'newsroom-media',
      MEDIA_S3_PREFIX: 'prod/',
      MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(storage.description).toBe('s3 bucket newsroom-media under prod/');
  });
});
