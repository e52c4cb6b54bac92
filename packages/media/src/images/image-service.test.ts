import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALT_TEXT_NEEDED } from '@newsroom/article';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from '../errors';
import { DEFAULT_MEDIA_LIMITS } from '../limits';
import { jpegWithGps } from '../processing/test-images';
import { DiskMediaStorage } from '../storage/disk-storage';
import type { MediaStorage } from '../storage/media-storage';
import { deleteImages, findImage, readRendition, storeImage } from './image-service';

let testDb: TestDatabase;
let root: string;
let storage: DiskMediaStorage;
let uploaderId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), 'newsroom-media-'));
  storage = new DiskMediaStorage(root);
  const user = await testDb.db.user.create({
    data: { email: 'photo@newsroom.test', name: 'Photo Desk', passwordHash: 'x' },
  });
  uploaderId = user.id;
});
afterAll(async () => {
  await testDb.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const upload = (bytes: Buffer, texts: unknown, on: MediaStorage = storage) =>
  storeImage({
    db: testDb.db,
    storage: on,
    limits: DEFAULT_MEDIA_LIMITS,
    uploadedById: uploaderId,
    bytes,
    texts,
  });

describe('storeImage and readRendition', () => {
  it('records the image and serves each rendition without its EXIF', async () => {
    const image = await upload(await jpegWithGps(900, 600), {
      alt: '  Flood water on the valley road ',
      caption: 'Monday morning',
      credit: 'J. Doe / Agency',
    });
    expect(image).toMatchObject({
      width: 900,
      height: 600,
      alt: 'Flood water on the valley road',
      caption: 'Monday morning',
      credit: 'J. Doe / Agency',
    });
    expect(await findImage(testDb.db, image.id)).toEqual(image);
    const webp = await readRendition({ storage, db: testDb.db }, image.id, '800.webp');
    expect(webp.contentType).toBe('image/webp');
    expect((await sharp(webp.bytes).metadata()).width).toBe(800);
    const jpeg = await readRendition({ storage, db: testDb.db }, image.id, '400.jpg');
    expect((await sharp(jpeg.bytes).metadata()).exif).toBeUndefined();
  });

  it('renders a picture between two standard widths at its own width too, so it is not blurred', async () => {
    const image = await upload(await jpegWithGps(640, 480), { alt: 'A 640 px picture' });
    for (const [file, width] of [
      ['400.avif', 400],
      ['640.webp', 640],
      ['640.jpg', 640],
    ] as const)
      expect(
        (
          await sharp(
            (await readRendition({ storage, db: testDb.db }, image.id, file)).bytes,
          ).metadata()
        ).width,
      ).toBe(width);
  });

  it('serves an image stored before own-width renditions from its standard rendition below', async () => {
    const older = new DiskMediaStorage(path.join(root, 'stored-before'));
    const standard = await sharp(await jpegWithGps(640, 480))
      .resize({ width: 400 })
      .jpeg()
      .toBuffer();
    const id = 'colderimage0000000';
    await testDb.db.image.create({
      data: {
        id,
        format: 'jpeg',
        width: 640,
        height: 480,
        bytes: 1,
        alt: 'Old',
        uploadedById: uploaderId,
      },
    });
    await older.put(`images/${id}/400.jpg`, standard, 'image/jpeg');
    const served = await readRendition({ storage: older, db: testDb.db }, id, '640.jpg');
    expect(served.bytes.equals(standard)).toBe(true);
    // Only in place of its own width: any other width, or a missing standard one, stays missing.
    for (const file of ['641.jpg', '500.jpg', '800.jpg'])
      await expect(
        readRendition({ storage: older, db: testDb.db }, id, file),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
  });

  it('answers not found for widths, formats and ids that do not exist', async () => {
    const image = await upload(await jpegWithGps(500, 400), { alt: 'Small' });
    for (const [id, file] of [
      [image.id, '800.jpg'],
      [image.id, '400.png'],
      [image.id, '../400.jpg'],
      ['../../etc', '400.jpg'],
      ['cnotthere00000000000', '400.jpg'],
    ] as const)
      await expect(readRendition({ storage, db: testDb.db }, id, file)).rejects.toMatchObject({
        code: 'not_found',
        status: 404,
      });
  });

  it('requires alt text and stores nothing without it', async () => {
    const before = await testDb.db.image.count();
    const error = await upload(await jpegWithGps(500, 400), { alt: '   ', caption: 'x' }).catch(
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'invalid_metadata', status: 422 });
    expect((error as Error).message).toMatch(/alt: Describe the image/);
    expect(await testDb.db.image.count()).toBe(before);
  });

  it('says in words what is wrong with missing or over-long texts', async () => {
    const bytes = await jpegWithGps(500, 400);
    const messageOf = (texts: Record<string, unknown>) =>
      upload(bytes, texts as never).then(
        () => 'stored',
        (failure: unknown) => (failure as Error).message,
      );
    expect(await messageOf({})).toBe(
      'alt: Describe the image (alt text) for people who cannot see it',
    );
    expect(await messageOf({ alt: 'x'.repeat(5_000) })).toMatch(
      /^alt: The alt text can have at most \d+ characters/,
    );
    expect(await messageOf({ alt: 'A gauge', credit: 'y'.repeat(5_000) })).toMatch(
      /^credit: The credit can have at most \d+ characters$/,
    );
  });

  it('refuses the import placeholder as alt text on an upload, storing nothing', async () => {
    const bytes = await jpegWithGps(500, 400);
    const before = await testDb.db.image.count();
    for (const alt of [ALT_TEXT_NEEDED, '  alt TEXT needed ']) {
      const error = await upload(bytes, { alt }).catch((failure: unknown) => failure);
      expect(error).toMatchObject({ code: 'invalid_metadata', status: 422 });
      expect((error as Error).message).toMatch(
        /^alt: “Alt text needed” is the placeholder an imported picture without a description gets, not alt text/,
      );
    }
    expect(await testDb.db.image.count()).toBe(before);
    // An imported document's picture without a description is stored with it, to be described.
    const imported = await storeImage({
      db: testDb.db,
      storage,
      limits: DEFAULT_MEDIA_LIMITS,
      uploadedById: uploaderId,
      bytes,
      texts: { alt: ALT_TEXT_NEEDED },
      imported: true,
    });
    expect(imported.alt).toBe(ALT_TEXT_NEEDED);
  });

  it('refuses invisible control characters in alt text, caption and credit, storing nothing', async () => {
    const before = await testDb.db.image.count();
    const error = await upload(await jpegWithGps(500, 400), {
      alt: 'Alt\u000bwith VT',
      caption: 'Cap\u0001tion',
      credit: 'Cred\u001bit',
    }).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'invalid_metadata', status: 422 });
    expect((error as Error).message).toBe(
      [
        'alt: The alt text contains an invisible control character (U+000B); remove it',
        'caption: The caption contains an invisible control character (U+0001); remove it',
        'credit: The credit contains an invisible control character (U+001B); remove it',
      ].join('; '),
    );
    expect(await testDb.db.image.count()).toBe(before);
  });

  it('removes the row again when the storage fails, so no image without files is offered', async () => {
    const before = await testDb.db.image.count();
    const failing: MediaStorage = {
      description: 'failing',
      put: async () => {
        throw new Error('disk full');
      },
      get: async () => null,
      deletePrefix: async () => undefined,
    };
    await expect(upload(await jpegWithGps(500, 400), { alt: 'x' }, failing)).rejects.toThrow(
      'disk full',
    );
    expect(await testDb.db.image.count()).toBe(before);
  });

  it('deletes images again, rows and files, and only those named', async () => {
    const kept = await upload(await jpegWithGps(500, 400), { alt: 'Kept' });
    const dropped = await upload(await jpegWithGps(500, 400), { alt: 'Dropped' });
    await deleteImages(testDb.db, storage, [dropped.id, '../../etc']);
    expect(await findImage(testDb.db, dropped.id)).toBeNull();
    await expect(
      readRendition({ storage, db: testDb.db }, dropped.id, '400.jpg'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await findImage(testDb.db, kept.id)).toEqual(kept);
    expect(
      (await readRendition({ storage, db: testDb.db }, kept.id, '400.jpg')).bytes.length,
    ).toBeGreaterThan(0);
  });
});
