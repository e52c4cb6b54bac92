import { describe, expect, it } from 'vitest';
import {
  fallbackRenditionPath,
  imageRenditionPath,
  imageSrcset,
  parseRenditionFile,
  renditionHeight,
  renditionWidths,
} from './image-renditions';

describe('image renditions', () => {
  it('never upscales: widths up to the original, or the original alone when it is small', () => {
    expect(renditionWidths(4000)).toEqual([400, 800, 1200, 1600]);
    expect(renditionWidths(1000)).toEqual([400, 800]);
    expect(renditionWidths(250)).toEqual([250]);
  });

  it('builds and parses rendition URLs', () => {
    expect(imageRenditionPath('cimg1', 800, 'jpeg')).toBe('/media/images/cimg1/800.jpg');
    expect(imageSrcset('cimg1', 900, 'webp')).toBe(
      '/media/images/cimg1/400.webp 400w, /media/images/cimg1/800.webp 800w',
    );
    expect(parseRenditionFile('800.avif')).toEqual({ width: 800, format: 'avif' });
    expect(parseRenditionFile('800.jpg')).toEqual({ width: 800, format: 'jpeg' });
    for (const bad of ['800.png', '0.jpg', '../800.jpg', '800.jpg.exe', '080.jpg', 'x.webp'])
      expect(parseRenditionFile(bad)).toBeNull();
  });

  it('picks the fallback JPEG and keeps the aspect ratio', () => {
    expect(fallbackRenditionPath('c', 4000)).toBe('/media/images/c/1200.jpg');
    expect(fallbackRenditionPath('c', 300)).toBe('/media/images/c/300.jpg');
    expect(renditionHeight({ width: 3000, height: 2000 }, 400)).toBe(267);
  });
});
