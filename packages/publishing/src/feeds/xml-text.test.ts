import { describe, expect, it } from 'vitest';
import { xmlSafeText } from './xml-text';

describe('xmlSafeText', () => {
  it('drops what XML 1.0 forbids and keeps tab, newlines, emoji and other text', () => {
    expect(xmlSafeText('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffeh\uffffi')).toBe(
      'abcdefghi',
    );
    expect(xmlSafeText('lone \ud800 and \udc00 halves')).toBe('lone  and  halves');
    expect(xmlSafeText('tab\tline\nreturn\r😀 ü \u007f\u0085 &amp;')).toBe(
      'tab\tline\nreturn\r😀 ü \u007f\u0085 &amp;',
    );
  });
});
