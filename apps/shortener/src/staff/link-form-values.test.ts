import { describe, expect, it } from 'vitest';
import { createBody, readLinkForm, updateBody, utcInputValue } from './link-form-values';

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe('the staff link forms as request bodies', () => {
  it('create: leaves out empty optional fields, reads the checkbox and the UTC expiry', () => {
    const values = readLinkForm(
      form({
        url: 'https://example.com/',
        alias: ' spring ',
        redirectType: '301',
        expiresAt: '2031-02-03T04:05',
        forwardQuery: 'on',
        utmSource: 'print',
        utmMedium: '  ',
      }),
    );
    expect(createBody(values)).toEqual({
      url: 'https://example.com/',
      alias: 'spring',
      redirectType: 301,
      expiresAt: '2031-02-03T04:05:00Z',
      forwardQuery: true,
      utmSource: 'print',
    });
    expect(createBody(readLinkForm(form({ url: 'https://e.com/' })))).toEqual({
      url: 'https://e.com/',
      redirectType: 302,
      forwardQuery: false,
    });
  });

  it('edit: sends every field, emptied ones as null, and the expiry only when touched', () => {
    const untouched = readLinkForm(
      form({
        url: 'https://example.com/b',
        redirectType: '307',
        expiresAt: '2020-01-01T00:00',
        expiresAtBefore: '2020-01-01T00:00',
        utmCampaign: 'spring',
      }),
    );
    expect(updateBody(untouched)).toEqual({
      url: 'https://example.com/b',
      redirectType: 307,
      forwardQuery: false,
      utmSource: null,
      utmMedium: null,
      utmCampaign: 'spring',
      utmTerm: null,
      utmContent: null,
    });
    const cleared = readLinkForm(
      form({ url: 'https://e.com/', expiresAtBefore: '2031-01-01T00:00' }),
    );
    expect(updateBody(cleared).expiresAt).toBeNull();
  });

  it('shows stored expiries in UTC, to the minute', () => {
    expect(utcInputValue(new Date('2031-02-03T04:05:59.123Z'))).toBe('2031-02-03T04:05');
    expect(utcInputValue(null)).toBe('');
  });
});
