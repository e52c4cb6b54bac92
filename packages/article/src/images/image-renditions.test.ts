import { describe, expect, it } from 'vitest';
import {
  fallbackRenditionPath,
  imageRenditionPath,
  imageSrcset,
  parseRenditionFile,
  renditionHeight,
  renditionWidths,
  standardWidthBelow,
} from './image-renditions';

describe('image renditions', () => {
  it('never upscales: widths up to the original, or the original alone when it is small', () => {
    expect(renditionWidths(4000)).toEqual([400, 800, 1200, 1600]);
    expect(renditionWidths(250)).toEqual([250]);
    expect(renditionWidths(400)).toEqual([400]);
    expect(renditionWidths(2000)).toEqual([400, 800, 1200, 1600]);
  });

  it('adds the image’s own width when it is noticeably wider than the widest standard one', () => {
    expect(renditionWidths(640)).toEqual([400, 640]);
    expect(renditionWidths(1000)).toEqual([400, 800, 1000]);
    expect(renditionWidths(1500)).toEqual([400, 800, 1200, 1500]);
    // Barely wider: the standard rendition looks the same.
    expect(renditionWidths(450)).toEqual([400]);
    expect(renditionWidths(1250)).toEqual([400, 800, 1200]);
  });

  it('names the standard rendition that stands in for a missing own-width one', () => {
    expect(standardWidthBelow(640)).toBe(400);
    expect(standardWidthBelow(1500)).toBe(1200);
    expect(standardWidthBelow(800)).toBeNull();
    expect(standardWidthBelow(250)).toBeNull();
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
