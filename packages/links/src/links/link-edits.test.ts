import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { ARTICLE_LINK_DESTINATION, editLink, linkChanges, type LinkActor } from './link-edits';
import { ARTICLE_LINK_EXPIRY, ARTICLE_LINK_SETTINGS } from './link-errors';
import { createLink } from './link-service';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const editor: LinkActor = { type: 'user', id: 'u1', name: 'Ed Itor' };
const script: LinkActor = { type: 'api_key', id: 'k1', name: 'campaign-script' };

async function newLink(alias: string) {
  const { link } = await createLink(testDb.db, {
    url: 'https://example.com/a',
    alias,
    redirectType: 302,
    expiresAt: null,
  });
  return link;
}

describe('editLink', () => {
  it('applies a change and records who changed which fields from what to what', async () => {
    const link = await newLink('edit-me');
    const { link: edited, changes } = await editLink(
      testDb.db,
      'EDIT-ME',
      {
        url: 'https://example.com/b',
        redirectType: 302,
        utmSource: 'newsletter',
        forwardQuery: false,
        expiresAt: new Date('2031-01-01T00:00:00Z'),
      },
      editor,
    );
    expect(edited).toMatchObject({
      id: link.id,
      url: 'https://example.com/b',
      utmSource: 'newsletter',
      forwardQuery: false,
    });
    // redirectType was sent unchanged: not recorded.
    expect(changes).toEqual({
      url: { from: 'https://example.com/a', to: 'https://example.com/b' },
      utmSource: { from: null, to: 'newsletter' },
      forwardQuery: { from: true, to: false },
      expiresAt: { from: null, to: '2031-01-01T00:00:00.000Z' },
    });
    await editLink(testDb.db, 'edit-me', { disabled: true, utmSource: '' }, script);

    const log = await linkChanges(testDb.db, link.id);
    expect(log.map((entry) => [entry.actor, entry.changes])).toEqual([
      [
        { type: 'api_key', name: 'campaign-script' },
        { disabled: { from: false, to: true }, utmSource: { from: 'newsletter', to: null } },
      ],
      [{ type: 'user', name: 'Ed Itor' }, changes],
    ]);
    expect(log[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const link = await newLink('no-op-edit');
    const result = await editLink(testDb.db, 'no-op-edit', { url: link.url }, editor);
    expect(result.changes).toEqual({});
    expect(await linkChanges(testDb.db, link.id)).toEqual([]);
  });

  it('refuses UTM values that would make the destination too long, and changes nothing', async () => {
    const link = await newLink('long-utm');
    await editLink(
      testDb.db,
      'long-utm',
      { url: `https://example.com/${'a'.repeat(2000)}` },
      editor,
    );
    await expect(
      editLink(testDb.db, 'long-utm', { utmCampaign: 'c'.repeat(100) }, editor),
    ).rejects.toMatchObject({ code: 'invalid_destination', message: /the limit is 2048/ });
    expect((await linkChanges(testDb.db, link.id)).length).toBe(1);
  });

  it('records every one of concurrent edits with the value it really replaced', async () => {
    const link = await newLink('raced');
    const targets = Array.from({ length: 5 }, (_, index) => `https://example.com/v${index}`);
    await Promise.all(targets.map((url) => editLink(testDb.db, 'raced', { url }, editor)));
    const log = (await linkChanges(testDb.db, link.id)).reverse();
    expect(log).toHaveLength(5);
    // A chain: each edit starts from where the previous one left the link.
    let previous: unknown = 'https://example.com/a';
    for (const entry of log) {
      expect(entry.changes.url?.from).toBe(previous);
      previous = entry.changes.url?.to;
    }
    expect((await testDb.db.shortLink.findUniqueOrThrow({ where: { id: link.id } })).url).toBe(
      previous,
    );
  });

  it('checks the length again when another edit changed the URL meanwhile', async () => {
    const link = await newLink('grown');
    // Each edit alone fits the limit; together they would not.
    const longUrl = `https://example.com/${'p'.repeat(1_900)}`;
    const longCampaign = 'c'.repeat(300);
    // The other edit lands between this edit's read and its write, every time (real database).
    let interleaved = false;
    const racing = new Proxy(testDb.db, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (property !== '$transaction' || interleaved || typeof value !== 'function') {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (...args: unknown[]) => {
          interleaved = true;
          await editLink(testDb.db, 'grown', { url: longUrl }, editor);
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    await expect(
      editLink(racing, 'grown', { utmCampaign: longCampaign }, script),
    ).rejects.toMatchObject({ code: 'invalid_destination', message: /the limit is 2048/ });
    expect(interleaved).toBe(true);
    const stored = await testDb.db.shortLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored).toMatchObject({ url: longUrl, utmCampaign: null });
  });

  it("refuses a new destination, UTM fields, another redirect type or no forwarding for an article's own link, and still disables it", async () => {
    const article = await createPublishedArticle(testDb.db, 'article-link-edit');
    const { link } = await createLink(testDb.db, {
      url: 'https://example.com/world/article-link-edit',
      articleId: article.id,
      redirectType: 302,
      expiresAt: null,
    });
    await expect(
      editLink(testDb.db, link.code, { url: 'https://example.net/elsewhere' }, editor),
    ).rejects.toMatchObject({ code: 'invalid_destination', message: ARTICLE_LINK_DESTINATION });
    expect(await linkChanges(testDb.db, link.id)).toEqual([]);
    for (const change of [
      { utmSource: 'newsletter' },
      { redirectType: 308 },
      { forwardQuery: false },
    ] as const) {
      await expect(editLink(testDb.db, link.code, change, editor)).rejects.toMatchObject({
        code: 'article_link',
        message: ARTICLE_LINK_SETTINGS,
      });
    }
    expect(await linkChanges(testDb.db, link.id)).toEqual([]);
    const { link: edited } = await editLink(
      testDb.db,
      link.code,
      { url: link.url, redirectType: 302, disabled: true },
      editor,
    );
    expect(edited).toMatchObject({ url: link.url, disabled: true, utmSource: null });
    await expect(
      editLink(testDb.db, link.code, { expiresAt: new Date(Date.now() + 60_000) }, editor),
    ).rejects.toMatchObject({ code: 'article_link', message: ARTICLE_LINK_EXPIRY });
    expect(
      (await testDb.db.shortLink.findUniqueOrThrow({ where: { id: link.id } })).expiresAt,
    ).toBe(null);
  });

  it('answers not_found for an unknown code', async () => {
    await expect(
      editLink(testDb.db, 'nope-nope', { disabled: true }, editor),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
