/**
 * Image processing: the time `processImage` (@newsroom/media) takes per megapixel of upload,
 * for a 12-megapixel phone photo and a 2-megapixel web picture: decode, EXIF rotation, and
 * AVIF + WebP + JPEG at every rendition width (400/800/1200/1600). One encode at a time, as in
 * production. BENCH_MEDIA_RUNS (default 3) runs per size after one warm-up; the median is shown.
 */
import { DEFAULT_MEDIA_LIMITS, processImage } from '@newsroom/media';
import sharp from 'sharp';

const RUNS = Number(process.env.BENCH_MEDIA_RUNS ?? 3);

/** Photo-like pixels: gradients, shapes and grain (encoders treat it like a photograph). */
async function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) & 15;
      const index = (y * width + x) * 3;
      pixels[index] = (x / width) * 200 + grain;
      pixels[index + 1] = (y / height) * 180 + grain;
      pixels[index + 2] = 120 + 60 * Math.sin(x / 50) * Math.cos(y / 70) + grain;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

console.log(
  `processImage, ${RUNS} runs per size after one warm-up (median), sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n`,
);
console.log('| upload | megapixels | renditions | time | per megapixel | output bytes |');
console.log('|---|---|---|---|---|---|');
for (const [width, height] of [
  [4000, 3000],
  [1920, 1080],
] as const) {
  const input = await photo(width, height);
  const megapixels = (width * height) / 1e6;
  await processImage(input, DEFAULT_MEDIA_LIMITS);
  const times: number[] = [];
  let renditions = 0;
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await processImage(input, DEFAULT_MEDIA_LIMITS);
    times.push(performance.now() - started);
    renditions = result.renditions.length;
    bytes = result.renditions.reduce((sum, rendition) => sum + rendition.bytes.length, 0);
  }
  const ms = median(times);
  console.log(
    `| ${width}×${height} JPEG | ${megapixels.toFixed(1)} | ${renditions} | ${(ms / 1000).toFixed(2)} s | ` +
      `${(ms / megapixels).toFixed(0)} ms | ${(bytes / 1024).toFixed(0)} KB |`,
  );
}
