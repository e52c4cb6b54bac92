import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskMediaStorage } from './disk-storage';

let root: string;
let storage: DiskMediaStorage;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'newsroom-media-'));
  storage = new DiskMediaStorage(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('DiskMediaStorage', () => {
  it('writes, reads back with a content type from the extension, and overwrites', async () => {
    await storage.put('images/abc123/800.webp', Buffer.from('first'), 'image/webp');
    await storage.put('images/abc123/800.webp', Buffer.from('second'), 'image/webp');
    const file = await storage.get('images/abc123/800.webp');
    expect(file?.bytes.toString()).toBe('second');
    expect(file?.contentType).toBe('image/webp');
    expect(await storage.get('images/abc123/400.jpg')).toBeNull();
    // Written through a temporary name and renamed: nothing half-written is left behind.
    expect(readdirSync(path.join(root, 'images', 'abc123'))).toEqual(['800.webp']);
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of [
      '../x/1.jpg',
      'images/../../etc/passwd',
      '/etc/passwd',
      'images/.hidden',
      'images//a',
      'Images/A.jpg',
      'images',
    ])
      await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
        /Not a media key/,
      );
    await expect(storage.get('images/../../secret')).rejects.toThrow(/Not a media key/);
  });

  it('deletes a folder of files', async () => {
    await storage.put('images/abc/1.jpg', Buffer.from('a'), 'image/jpeg');
    await storage.put('images/abc/2.jpg', Buffer.from('b'), 'image/jpeg');
    await storage.put('images/keep/1.jpg', Buffer.from('c'), 'image/jpeg');
    await storage.deletePrefix('images/abc');
    expect(await storage.get('images/abc/1.jpg')).toBeNull();
    expect(await storage.get('images/keep/1.jpg')).not.toBeNull();
    await storage.deletePrefix('images/never-was');
  });
});
