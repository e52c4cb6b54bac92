import { describe, expect, it } from 'vitest';
import { fieldErrors, linkSchemas } from './link-input';

const now = new Date('2030-01-01T00:00:00Z');
const { create, update } = linkSchemas({
  ownHosts: ['sho.rt', 'localhost:3001'],
  allowed: ['localhost:3000'],
  now: () => now,
});

function createErrors(body: unknown) {
  const result = create.safeParse(body);
  return result.success ? {} : fieldErrors(result.error);
}

describe('create-link validation', () => {
  it('accepts a minimal link with defaults and normalises the URL', () => {
    expect(create.parse({ url: ' https://Example.COM/a b?x=1 ' })).toEqual({
      url: 'https://example.com/a%20b?x=1',
      redirectType: 302,
      expiresAt: null,
      forwardQuery: true,
    });
  });

  it.each([
    ['javascript:alert(1)', /Only http/],
    ['ftp://example.com/file', /Only http/],
    ['data:text/html,hi', /Only http/],
    ['example.com/no-scheme', /full URL/],
    ['', /Enter the URL/],
    ['https://user:pw@example.com/', /user name or password/],
    [`https://example.com/${'a'.repeat(2040)}`, /at most 2048/],
    ['https://sho.rt/abc', /shortener itself/],
    ['http://SHO.RT.:8080/abc', /shortener itself/],
    ['http://localhost:3001/abc', /shortener itself/],
    ['http://127.1:3001/abc', /shortener itself/],
    ['http://169.254.169.254/', /internal address/],
  ])('refuses the destination %s', (url, message) => {
    expect(createErrors({ url }).url).toMatch(message);
  });

  it('allows the reader site on another port of a host the shortener shares', () => {
    expect(createErrors({ url: 'http://localhost:3000/world/story' })).toEqual({});
  });

  it('accepts a URL of exactly 2,048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2048);
    expect(createErrors({ url })).toEqual({});
  });

  it.each([
    ['ab', /at least 3/],
    ['a'.repeat(65), /at most 64/],
    ['has space', /only contain letters/],
    ['slash/y', /only contain letters/],
    ['ünï', /only contain letters/],
    ['api', /reserved/],
    ['Admin', /reserved/],
    ['_next', /reserved/],
    ['login', /reserved/],
  ])('refuses the alias %s', (alias, message) => {
    expect(createErrors({ url: 'https://example.com', alias }).alias).toMatch(message);
  });

  it('accepts aliases from the safe character set', () => {
    expect(createErrors({ url: 'https://example.com', alias: 'Spring_sale-2030' })).toEqual({});
  });

  it('checks redirect type and expiry', () => {
    expect(createErrors({ url: 'https://example.com', redirectType: 303 }).redirectType).toMatch(
      /301, 302, 307, 308/,
    );
    expect(createErrors({ url: 'https://example.com', redirectType: '301' }).redirectType).toMatch(
      /301, 302/,
    );
    expect(
      createErrors({ url: 'https://example.com', expiresAt: '2029-12-31T23:59:59Z' }).expiresAt,
    ).toMatch(/future/);
    expect(createErrors({ url: 'https://example.com', expiresAt: 'tomorrow' }).expiresAt).toMatch(
      /ISO 8601/,
    );
    expect(
      create.parse({ url: 'https://example.com', expiresAt: '2030-02-01T00:00:00+01:00' })
        .expiresAt,
    ).toEqual(new Date('2030-01-31T23:00:00Z'));
    expect(
      createErrors({
        url: 'https://example.com',
        articleId: 'article-1',
        expiresAt: '2030-02-01T00:00:00Z',
      }).expiresAt,
    ).toMatch(/belongs to an article.*cannot expire/);
    for (const [field, value] of [
      ['utmSource', 'evil'],
      ['redirectType', 301],
      ['forwardQuery', false],
    ] as const) {
      expect(
        createErrors({ url: 'https://example.com', articleId: 'article-1', [field]: value })[field],
      ).toMatch(/belongs to an article.*UTM fields, the redirect type and forwarding/);
    }
    expect(
      create.parse({ url: 'https://example.com', articleId: 'article-1', redirectType: 302 }),
    ).toMatchObject({ articleId: 'article-1', redirectType: 302, forwardQuery: true });
  });

  it('names unknown fields and a body that is not an object', () => {
    expect(createErrors({ url: 'https://example.com', code: 'x' }).body).toMatch(
      /Unknown field\(s\): code/,
    );
    expect(createErrors('https://example.com').body).toMatch(/JSON object/);
    expect(createErrors({}).url).toBeDefined();
  });
});

describe('update-link validation', () => {
  it('accepts a partial change and null to clear the expiry', () => {
    expect(update.parse({ disabled: true })).toEqual({ disabled: true });
    expect(update.parse({ expiresAt: null })).toEqual({ expiresAt: null });
  });

  it('refuses an empty change, bad types and own-host destinations', () => {
    expect(update.safeParse({}).success).toBe(false);
    expect(update.safeParse({ disabled: 'yes' }).success).toBe(false);
    expect(update.safeParse({ url: 'https://sho.rt/x' }).success).toBe(false);
    expect(update.safeParse({ alias: 'new-name' }).success).toBe(false);
  });
});

describe('query forwarding and UTM fields', () => {
  it('takes UTM values trimmed, "" as none, and forwarding on by default', () => {
    expect(
      create.parse({
        url: 'https://example.com/',
        utmSource: ' newsletter ',
        utmMedium: '',
        utmCampaign: null,
      }),
    ).toMatchObject({
      forwardQuery: true,
      utmSource: 'newsletter',
      utmMedium: null,
      utmCampaign: null,
    });
    expect(create.parse({ url: 'https://example.com/', forwardQuery: false }).forwardQuery).toBe(
      false,
    );
  });

  it.each([
    [{ utmSource: 5 }, 'utmSource', /must be text/],
    [{ utmTerm: 'x'.repeat(201) }, 'utmTerm', /at most 200/],
    [{ utmContent: 'bad\ud800' }, 'utmContent', /cannot be part of a URL/],
    [{ utmCampaign: 'line\nbreak' }, 'utmCampaign', /cannot be part of a URL/],
    [{ forwardQuery: 'yes' }, 'forwardQuery', /true or false/],
  ])('refuses %j', (extra, field, message) => {
    expect(createErrors({ url: 'https://example.com/', ...extra })[field]).toMatch(message);
  });

  it('refuses UTM values that push the destination over the limit, naming the length', () => {
    const url = `https://example.com/${'a'.repeat(2000)}`;
    const errors = createErrors({ url, utmCampaign: 'c'.repeat(60) });
    expect(errors.utmCampaign).toMatch(/would be 2\d{3} characters long; the limit is 2048/);
    expect(createErrors({ url, utmCampaign: 'c'.repeat(10) })).toEqual({});
  });

  it('accepts UTM and forwarding changes, null clearing a field', () => {
    expect(update.parse({ utmSource: null, forwardQuery: false })).toEqual({
      utmSource: null,
      forwardQuery: false,
    });
  });
});
