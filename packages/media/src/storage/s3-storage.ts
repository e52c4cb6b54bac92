import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertMediaKey, type MediaStorage, type StoredFile } from './media-storage';

export interface S3MediaStorageOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. `newsroom/` (default none). */
  prefix?: string;
  region?: string;
  /** For S3-compatible services (MinIO, R2, Ceph …): their endpoint URL. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible services need. */
  forcePathStyle?: boolean;
}

/**
 * Files in an S3 bucket, through the official SDK. Credentials come from the SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role). Kept thin on
 * purpose: this machine has no S3 to test against, so the logic lives in the callers, which
 * are tested with the disk store.
 */
export class S3MediaStorage implements MediaStorage {
  readonly description: string;
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3MediaStorageOptions) {
    this.prefix = options.prefix ?? '';
    this.description = `s3 bucket ${options.bucket}${this.prefix ? ` under ${this.prefix}` : ''}`;
    this.client = new S3Client({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    });
  }

  private keyOf(key: string): string {
    return this.prefix + assertMediaKey(key);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.keyOf(key),
        Body: bytes,
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async get(key: string): Promise<StoredFile | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }),
      );
      if (!answer.Body) return null;
      return {
        bytes: Buffer.from(await answer.Body.transformToByteArray()),
        contentType: answer.ContentType ?? 'application/octet-stream',
      };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    const listed = await this.client.send(
      new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: `${this.keyOf(prefix)}/` }),
    );
    const objects = (listed.Contents ?? []).flatMap((item) =>
      item.Key ? [{ Key: item.Key }] : [],
    );
    if (objects.length === 0) return;
    await this.client.send(
      new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: objects } }),
    );
  }
}
