import sharp from 'sharp';

/**
 * A photo-like test image: smooth gradients and shapes with a little grain, which encoders treat
 * like a photograph (pure noise would be many times slower than any real picture; a flat colour
 * many times faster). Deterministic: the same bytes every run.
 */
export async function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') {
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  let seed = 42;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) & 15;
      const index = (y * width + x) * channels;
      pixels[index] = (x / width) * 200 + grain;
      pixels[index + 1] = (y / height) * 180 + grain;
      pixels[index + 2] = 120 + 60 * Math.sin(x / 50) * Math.cos(y / 70) + grain;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

/** The GPS IFD pointer tag (0x8825), little-endian as libvips writes it. */
export const GPS_IFD_TAG = Buffer.from([0x25, 0x88]);

/** A JPEG with a camera make and a GPS position in its EXIF, as phones write them. */
export async function jpegWithGps(width = 1000, height = 700) {
  return sharp(await photo(width, height))
    .withExif({
      IFD0: { Make: 'NewsCam', Model: 'Field 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 12/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 39/1',
      },
    })
    .jpeg()
    .toBuffer();
}
