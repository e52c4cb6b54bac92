import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { codeKeyOf } from '../links/case-keys';
import { createLink, deleteLink, updateLink } from '../links/link-service';
import { DAY_MS } from '../time/day';
import { loadCachedLinks } from './load-cached-links';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('loadCachedLinks', () => {
  it('reads exactly what the redirect needs, with the same types on every database', async () => {
    const expiresAt = new Date(Date.now() + DAY_MS);
    const plain = await createLink(testDb.db, {
      url: 'https://example.com/plain',
      redirectType: 302,
      expiresAt: null,
    });
    const special = await createLink(testDb.db, {
      url: 'https://example.com/special',
      alias: 'special-one',
      redirectType: 308,
      expiresAt,
      forwardQuery: false,
      utmSource: 'news letter',
    });
    await updateLink(testDb.db, 'special-one', { disabled: true });

    // Keys are codes in lower case: codes resolve in any case.
    const plainKey = codeKeyOf(plain.link.code);
    const links = await loadCachedLinks(
      testDb.db,
      [plainKey, 'special-one', 'missing'],
      'https://news.example',
    );
    expect([...links.keys()].sort()).toEqual([plainKey, 'special-one'].sort());
    expect(links.get(plainKey)).toEqual({
      id: plain.link.id,
      url: 'https://example.com/plain',
      redirectType: 302,
      disabled: false,
      expiresAt: null,
      forwardQuery: true,
    });
    expect(links.get('special-one')).toEqual({
      id: special.link.id,
      url: 'https://example.com/special?utm_source=news%20letter',
      redirectType: 308,
      disabled: true,
      expiresAt: expiresAt.getTime(),
      forwardQuery: false,
    });
  });

  it('marks codes of links deleted within the reservation, and only those', async () => {
    const link = { redirectType: 302, expiresAt: null } as const;
    await createLink(testDb.db, {
      ...link,
      url: 'https://example.com/recent',
      alias: 'recent-gone',
    });
    await createLink(testDb.db, { ...link, url: 'https://example.com/long', alias: 'long-gone' });
    await deleteLink(testDb.db, 'recent-gone');
    await deleteLink(testDb.db, 'long-gone');
    await testDb.db.deletedCode.update({
      where: { codeKey: 'long-gone' },
      data: { deletedAt: new Date(Date.now() - 8 * DAY_MS) },
    });

    const links = await loadCachedLinks(
      testDb.db,
      ['recent-gone', 'long-gone', 'never-made'],
      'https://news.example',
      undefined,
      7,
    );
    expect([...links.keys()]).toEqual(['recent-gone']);
    expect(links.get('recent-gone')).toMatchObject({ deleted: true, disabled: true, url: '' });
    // Reservations turned off: a deleted code is unknown at once.
    const withoutReservations = await loadCachedLinks(
      testDb.db,
      ['recent-gone'],
      'https://news.example',
      undefined,
      0,
    );
    expect(withoutReservations.size).toBe(0);
  });
});
