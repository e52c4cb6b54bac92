import { describe, expect, it } from 'vitest';
import { applyUtm } from './utm';

describe('applyUtm', () => {
  it('adds the set fields in a fixed order, before the fragment', () => {
    expect(
      applyUtm('https://e.com/p?id=1#top', {
        utmCampaign: 'spring sale',
        utmSource: 'newsletter',
        utmMedium: null,
        utmTerm: '',
      }),
    ).toBe('https://e.com/p?id=1&utm_source=newsletter&utm_campaign=spring%20sale#top');
  });

  it('replaces a parameter of the same name and keeps the others as written', () => {
    expect(applyUtm('https://e.com/p?q=a%20b&utm_source=old&x=1', { utmSource: 'new' })).toBe(
      'https://e.com/p?q=a%20b&x=1&utm_source=new',
    );
  });

  it('encodes unicode and reserved characters', () => {
    expect(applyUtm('https://e.com/', { utmContent: 'été & co=1#2' })).toBe(
      'https://e.com/?utm_content=%C3%A9t%C3%A9%20%26%20co%3D1%232',
    );
  });

  it('leaves the URL alone without fields', () => {
    expect(applyUtm('https://e.com/p?a=1', {})).toBe('https://e.com/p?a=1');
  });

  it('throws on a value that cannot be encoded', () => {
    expect(() => applyUtm('https://e.com/', { utmTerm: 'bad \ud800' })).toThrow(URIError);
  });
});
