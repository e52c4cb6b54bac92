// Markup never reaches an image decoder, compressed or not: sharp (libvips, which hands SVG to
// librsvg) is watched, and must not be called for it at all.
import { gzipSync } from 'node:zlib';
import type * as Sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_MEDIA_LIMITS } from '../limits';
import { processImage } from './process-image';

const decoder = vi.hoisted(() => ({ calls: 0 }));

vi.mock('sharp', async (importOriginal) => {
  const real = (await importOriginal<typeof Sharp>()).default;
  const watched = (...args: Parameters<typeof real>) => {
    decoder.calls += 1;
    return real(...args);
  };
  return { default: Object.assign(watched, real) };
});

const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

describe('markup before any decoder', () => {
  it('refuses SVG, plain or gzip-compressed (.svgz), without decoding it', async () => {
    for (const bytes of [svg, gzipSync(svg)]) {
      decoder.calls = 0;
      await expect(processImage(bytes, DEFAULT_MEDIA_LIMITS)).rejects.toMatchObject({
        status: 415,
      });
      expect(decoder.calls).toBe(0);
    }
  });
});
