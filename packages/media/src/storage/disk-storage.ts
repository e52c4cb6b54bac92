import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertMediaKey, type MediaStorage, type StoredFile } from './media-storage';

/** Content types by extension: the disk keeps no metadata, and our keys end in one of these. */
const CONTENT_TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/** Files under a folder on this machine (the default: `<NEWSROOM_DATA_DIR>/media`). */
export class DiskMediaStorage implements MediaStorage {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `disk ${root}`;
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...assertMediaKey(key).split('/'));
  }

  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader never sees half a file, even if the process dies mid-write.
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, target);
  }

  async get(key: string): Promise<StoredFile | null> {
    const target = this.pathOf(key);
    try {
      return {
        bytes: await readFile(target),
        contentType: CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.pathOf(prefix), { recursive: true, force: true });
  }
}
