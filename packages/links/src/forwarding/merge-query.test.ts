import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '../validation/destination';
import { forwardedLocation, mergeQuery } from './merge-query';

describe('mergeQuery', () => {
  it.each([
    [
      'adds the visitor query to a destination without one',
      'https://e.com/p',
      'a=1',
      'https://e.com/p?a=1',
    ],
    [
      'keeps the destination parameters first',
      'https://e.com/p?id=7',
      'a=1',
      'https://e.com/p?id=7&a=1',
    ],
    [
      'puts the fragment last',
      'https://e.com/p?id=7#part-2',
      'a=1',
      'https://e.com/p?id=7&a=1#part-2',
    ],
    ['adds to a destination ending in "?"', 'https://e.com/p?', 'a=1', 'https://e.com/p?a=1'],
    [
      'never lets the visitor override a destination parameter',
      'https://e.com/p?id=7',
      'id=8&b=2',
      'https://e.com/p?id=7&b=2',
    ],
    [
      'compares names decoded (%69d is id)',
      'https://e.com/p?id=7',
      '%69d=8',
      'https://e.com/p?id=7',
    ],
    [
      'keeps every repetition of a repeated name',
      'https://e.com/p',
      'tag=a&tag=b&tag=c',
      'https://e.com/p?tag=a&tag=b&tag=c',
    ],
    [
      'drops all repetitions of a name the destination has',
      'https://e.com/p?tag=x',
      'tag=a&tag=b&c=1',
      'https://e.com/p?tag=x&c=1',
    ],
    [
      'keeps "+" as written (a space in form encoding)',
      'https://e.com/s',
      'q=a+b&r=1%2B1',
      'https://e.com/s?q=a+b&r=1%2B1',
    ],
    [
      'treats "+" in a name as a space when comparing',
      'https://e.com/s?a%20b=1',
      'a+b=2&c=3',
      'https://e.com/s?a%20b=1&c=3',
    ],
    [
      'keeps empty values and bare names',
      'https://e.com/p',
      'a=&b&c=1',
      'https://e.com/p?a=&b&c=1',
    ],
    ['skips empty parts', 'https://e.com/p', '&&a=1&', 'https://e.com/p?a=1'],
    [
      'keeps percent-encoded unicode',
      'https://e.com/p',
      'q=%C3%A9t%C3%A9&city=%E6%9D%B1%E4%BA%AC',
      'https://e.com/p?q=%C3%A9t%C3%A9&city=%E6%9D%B1%E4%BA%AC',
    ],
    ['encodes raw unicode as UTF-8', 'https://e.com/p', 'q=été', 'https://e.com/p?q=%C3%A9t%C3%A9'],
    [
      'encodes spaces, quotes and angle brackets',
      'https://e.com/p',
      'q=a b"<x>',
      'https://e.com/p?q=a%20b%22%3Cx%3E',
    ],
    ['treats a raw "#" as data', 'https://e.com/p#top', 'q=a#b', 'https://e.com/p?q=a%23b#top'],
    [
      'keeps a malformed escape as written',
      'https://e.com/p',
      'q=%zz&r=%',
      'https://e.com/p?q=%zz&r=%',
    ],
    [
      'returns the destination for an empty query',
      'https://e.com/p?x=1',
      '',
      'https://e.com/p?x=1',
    ],
  ])('%s', (_name, destination, search, expected) => {
    expect(mergeQuery(destination, search)).toBe(expected);
  });

  it('falls back to the stored destination when the merged URL is over the limit', () => {
    const destination = `https://e.com/${'a'.repeat(MAX_URL_LENGTH - 30)}`;
    expect(mergeQuery(destination, 'q=short')).toBe(`${destination}?q=short`);
    expect(mergeQuery(destination, `q=${'b'.repeat(40)}`)).toBe(destination);
    // Under the limit as received, over it once encoded.
    expect(mergeQuery(destination, `q=${'é'.repeat(12)}`)).toBe(destination);
  });

  it('gives a result the URL parser accepts unchanged (a valid Location)', () => {
    for (const search of ['a=1', 'q=a b', 'x=%00', 'x=\u0001', 'é=è', 'a=1&a=2&=3']) {
      const location = mergeQuery('https://e.com/p?k=v#f', search);
      expect(new URL(location).href).toBe(location);
      // eslint-disable-next-line no-control-regex -- no control characters in a header value
      expect(location).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
    }
  });
});

describe('mergeQuery: properties', () => {
  const queryCharacter = fc.oneof(
    fc.constantFrom(...'aZ09-._~!$&()*+,;=:@/?%=&&+ "\'<>`{}|^[]\\#'.split('')),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const query = fc.array(queryCharacter, { maxLength: 60 }).map((chars) => chars.join(''));
  const destination = fc.constantFrom(
    'https://e.com/p',
    'https://e.com/p?a=1&b=%20#frag',
    'https://e.com/p?',
    `https://e.com/${'x'.repeat(2000)}?k=v`,
  );

  it('always gives a URL the WHATWG parser leaves unchanged, within the limit, fragment last', () => {
    fc.assert(
      fc.property(destination, query, (base, search) => {
        const location = mergeQuery(base, search);
        expect(new URL(location).href).toBe(location);
        expect(location.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
        const fragment = new URL(base).hash;
        if (fragment) expect(location.endsWith(fragment)).toBe(true);
        expect(location.startsWith(base.split(/[?#]/)[0]!)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('forwardedLocation', () => {
  it('takes the query of the request target, and nothing without one', () => {
    expect(forwardedLocation('https://e.com/p', '/code?a=1')).toBe('https://e.com/p?a=1');
    expect(forwardedLocation('https://e.com/p', '/code')).toBe('https://e.com/p');
    expect(forwardedLocation('https://e.com/p', '/code?')).toBe('https://e.com/p');
  });
});
