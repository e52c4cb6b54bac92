/** A stored file as it is served. */
export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Where media files live. Keys are relative paths like `images/<id>/800.webp`, always checked
 * with `assertMediaKey` before they reach a disk path or a bucket.
 */
export interface MediaStorage {
  /** A human description for logs and the README ("disk /srv/data/media", "s3 bucket x"). */
  readonly description: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** null when there is no such file. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes every file under `prefix/` (nothing happens when there is none). */
  deletePrefix(prefix: string): Promise<void>;
}

const KEY = /^[a-z0-9]+(?:\/[a-z0-9][a-z0-9._-]{0,80})+$/;

/** Keys are lowercase segments without `..`, leading dots or slashes: no way out of the root. */
export function assertMediaKey(key: string): string {
  if (
    !KEY.test(key) ||
    key.split('/').some((segment) => segment.startsWith('.') || segment.includes('..'))
  )
    throw new Error(`Not a media key: ${JSON.stringify(key).slice(0, 100)}`);
  return key;
}
