import { describe, expect, it } from 'vitest';
import { zipEntryName } from './zip-contents';

describe('zipEntryName', () => {
  it('takes relative paths beside the page, decoded', () => {
    expect(zipEntryName('images/image1.png')).toBe('images/image1.png');
    expect(zipEntryName('./images/my%20photo.jpg?x=1')).toBe('images/my photo.jpg');
  });

  it('refuses schemes, absolute paths and ways up', () => {
    for (const src of [
      'https://lh3.googleusercontent.com/abc',
      'file:///C:/Users/me/clip_image001.png',
      'data:image/png;base64,AAAA',
      '/etc/passwd',
      '\\\\server\\share\\a.png',
      '../secret.png',
      'images/../../secret.png',
      'images/%2e%2e/%2e%2e/secret.png',
      'images\\..\\a.png',
      '%E0%A4%A',
      '',
    ])
      expect(zipEntryName(src), src).toBeNull();
  });
});
