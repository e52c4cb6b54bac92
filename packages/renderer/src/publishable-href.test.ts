import { describe, expect, it } from 'vitest';
import { isPublishableBodyHref, isPublishableRelatedHref } from './publishable-href';

describe('publishable hrefs (remembered per address)', () => {
  it('judges as the validator does, the same the second time', () => {
    for (let time = 0; time < 2; time += 1) {
      expect(isPublishableBodyHref('https://example.com/a')).toBe(true);
      expect(isPublishableBodyHref('https://user@example.com/')).toBe(false);
      expect(isPublishableBodyHref('javascript:alert(1)')).toBe(false);
      expect(isPublishableBodyHref('mailto:desk@example.com')).toBe(true);
      expect(isPublishableRelatedHref('mailto:desk@example.com')).toBe(false);
      expect(isPublishableRelatedHref('http://exa\u034Fmple.com/')).toBe(false);
      expect(isPublishableBodyHref(42)).toBe(false);
    }
  });

  it('keeps judging right once more addresses came by than it remembers', () => {
    for (let index = 0; index < 12_000; index += 1) {
      expect(isPublishableBodyHref(`https://example.com/${index}`)).toBe(true);
    }
    expect(isPublishableBodyHref('https://user@example.com/')).toBe(false);
  });
});
