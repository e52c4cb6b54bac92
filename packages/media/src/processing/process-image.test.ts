import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaError } from '../errors';
import { DEFAULT_MEDIA_LIMITS } from '../limits';
import { processImage } from './process-image';
import { GPS_IFD_TAG, jpegWithGps, photo } from './test-images';

const limits = DEFAULT_MEDIA_LIMITS;

async function refusal(bytes: Buffer, custom = limits): Promise<MediaError> {
  const error: unknown = await processImage(bytes, custom).then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof MediaError))
    throw new Error(`expected a MediaError, got ${String(error)}`);
  return error;
}

describe('processImage', () => {
  it('renders AVIF, WebP and JPEG at every width up to the original and at its own, never larger', async () => {
    const result = await processImage(await photo(1000, 600), limits);
    expect(result).toMatchObject({ format: 'jpeg', width: 1000, height: 600 });
    expect(result.renditions.map((r) => `${r.width}x${r.height}.${r.format}`)).toEqual([
      '400x240.avif',
      '400x240.webp',
      '400x240.jpeg',
      '800x480.avif',
      '800x480.webp',
      '800x480.jpeg',
      '1000x600.avif',
      '1000x600.webp',
      '1000x600.jpeg',
    ]);
    for (const rendition of result.renditions) {
      const sniffed = await sharp(rendition.bytes).metadata();
      expect(sniffed.format).toBe(rendition.format === 'avif' ? 'heif' : rendition.format);
      expect(sniffed.width).toBe(rendition.width);
    }
  });

  it('removes EXIF, GPS included, from every rendition', async () => {
    const input = await jpegWithGps();
    const inputExif = (await sharp(input).metadata()).exif;
    // The fixture really carries a position, or this test could not fail.
    expect(inputExif?.includes(GPS_IFD_TAG)).toBe(true);
    expect(input.includes(Buffer.from('NewsCam'))).toBe(true);
    const result = await processImage(input, limits);
    for (const rendition of result.renditions) {
      const metadata = await sharp(rendition.bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(rendition.bytes.includes(Buffer.from('NewsCam'))).toBe(false);
    }
  });

  it('applies the EXIF orientation before it drops it: a portrait photo stays portrait', async () => {
    const sideways = await sharp(await photo(900, 500))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const result = await processImage(sideways, limits);
    expect({ width: result.width, height: result.height }).toEqual({ width: 500, height: 900 });
    expect(result.renditions[0]).toMatchObject({ width: 400, height: 720 });
  });

  it('sniffs the type from the bytes: a PNG is a PNG whatever it was called', async () => {
    const result = await processImage(await photo(300, 200, 'png'), limits);
    expect(result.format).toBe('png');
    expect(result.renditions.map((r) => r.width)).toEqual([300, 300, 300]);
  });

  it('refuses SVG, markup and files that are no image', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect(await refusal(svg)).toMatchObject({ code: 'svg_refused', status: 415 });
    expect(await refusal(Buffer.from(`\uFEFF  \n<?xml version="1.0"?>${svg}`))).toMatchObject({
      code: 'svg_refused',
    });
    expect(await refusal(Buffer.from('%PDF-1.7 not really'))).toMatchObject({
      code: 'unsupported_type',
      status: 415,
    });
    expect(await refusal(Buffer.from('GIF89a but then nothing sensible'))).toMatchObject({
      status: 415,
    });
  });

  it('puts a transparent picture onto white for JPEG, and keeps its transparency elsewhere', async () => {
    // A black mark on a fully transparent ground, as logos and charts are exported.
    const size = 200;
    const pixels = Buffer.alloc(size * size * 4);
    for (let index = 0; index < size * size; index += 1) {
      const inMark = index % size > 80 && index % size < 120;
      if (inMark) pixels[index * 4 + 3] = 255; // black, opaque; the rest stays black, clear
    }
    const png = await sharp(pixels, { raw: { width: size, height: size, channels: 4 } })
      .png()
      .toBuffer();
    const { renditions } = await processImage(png, limits);
    const jpeg = renditions.find((r) => r.format === 'jpeg')!;
    // Pixels (red, green, blue) of a 10×10 square of the JPEG.
    const square = (left: number) =>
      sharp(jpeg.bytes).extract({ left, top: 95, width: 10, height: 10 }).raw().toBuffer();
    expect(Math.min(...(await square(0)))).toBeGreaterThan(240); // the clear ground: white
    expect(Math.max(...(await square(95)))).toBeLessThan(40); // the mark itself stays dark
    const webp = renditions.find((r) => r.format === 'webp')!;
    expect((await sharp(webp.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('says what to do with an iPhone HEIC photo, which cannot be decoded here', async () => {
    // The start of a HEIC file: an ISO box "ftyp" with the brand "heic".
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic', 'latin1'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic', 'latin1'),
      Buffer.alloc(64),
    ]);
    const error = await refusal(heic);
    expect(error).toMatchObject({ code: 'unsupported_type', status: 415 });
    expect(error.message).toMatch(/^HEIC photos cannot be read here: upload a JPEG, .*TIFF/);
  });

  it('refuses a damaged image with 422', async () => {
    const whole = await photo(800, 600);
    const error = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error).toMatchObject({ code: 'corrupt_image', status: 422 });
  });

  it('refuses files over the size limit with 413 and says what the limit is', async () => {
    const bytes = await photo(400, 300);
    const error = await refusal(bytes, { ...limits, maxUploadBytes: 1024 });
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/images may be at most 1 KB/);
  });

  it('refuses images with too many pixels with 413 (a small file can unpack huge)', async () => {
    const error = await refusal(await photo(500, 500), { ...limits, maxPixels: 200_000 });
    expect(error).toMatchObject({ code: 'too_many_pixels', status: 413 });
  });

  it('refuses a picture whose renditions would be taller than web formats allow, saying so', async () => {
    const strip = await sharp({
      create: { width: 800, height: 17_000, channels: 3, background: '#246' },
    })
      .png()
      .toBuffer();
    const error = await refusal(strip);
    expect(error).toMatchObject({ code: 'too_tall', status: 422 });
    expect(error.message).toBe(
      'The image is 800×17000 pixels: shown 800 px wide it would be 17000 px tall, and web image formats allow at most 16383. Split it into several images, or crop it',
    );
    // Just within: rendered, not refused.
    const tall = await sharp({
      create: { width: 400, height: 16_000, channels: 3, background: '#246' },
    })
      .png()
      .toBuffer();
    expect((await processImage(tall, limits)).renditions.map((r) => r.height)).toEqual([
      16_000, 16_000, 16_000,
    ]);
  });
});
