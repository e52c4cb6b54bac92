import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { backdateDeletion } from '../testing';
import { DAY_MS } from '../time/day';
import type { CreateLinkInput } from '../validation/link-input';
import { DEFAULT_DELETED_CODE_RESERVE_DAYS, reservationOf } from './deleted-codes';
import { createLink, deleteLink } from './link-service';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const input = (url: string, extra: Partial<CreateLinkInput> = {}): CreateLinkInput => ({
  url,
  redirectType: 302,
  expiresAt: null,
  ...extra,
});

/** Creates a link with `alias` and deletes it: its code is now reserved (unless `reserveDays` is 0). */
async function deletedAlias(alias: string, reserveDays?: number) {
  const { link } = await createLink(testDb.db, input('https://example.com/a', { alias }));
  await deleteLink(testDb.db, link.code, { deletedCodeReserveDays: reserveDays });
}

describe('the code of a deleted link', () => {
  it('is refused as an alias in any case for 30 days, saying when it was deleted and when it is free', async () => {
    await deletedAlias('spring');
    const reservation = await reservationOf(testDb.db, 'SPRING', DEFAULT_DELETED_CODE_RESERVE_DAYS);
    expect(reservation).not.toBeNull();
    expect(reservation!.freeFrom.getTime() - reservation!.deletedAt.getTime()).toBe(30 * DAY_MS);

    for (const alias of ['spring', 'SPRING', 'Spring']) {
      const refused = createLink(testDb.db, input('https://example.com/b', { alias }));
      await expect(refused).rejects.toMatchObject({ code: 'alias_taken' });
      await expect(refused).rejects.toThrow(
        `The alias "${alias}" belonged to a link deleted recently`,
      );
      await expect(refused).rejects.toThrow(`until ${reservation!.freeFrom.toISOString()}`);
    }
    // The refused inserts were undone: no link has the code.
    expect(await testDb.db.shortLink.count({ where: { codeKey: 'spring' } })).toBe(0);
  });

  it('is free again once the reservation has ended, and reserved again when deleted again', async () => {
    await deletedAlias('autumn');
    await backdateDeletion(testDb.db, 'autumn', DEFAULT_DELETED_CODE_RESERVE_DAYS - 1);
    await expect(
      createLink(testDb.db, input('https://example.com/b', { alias: 'AUTUMN' })),
    ).rejects.toMatchObject({ code: 'alias_taken' });

    await backdateDeletion(testDb.db, 'autumn', DEFAULT_DELETED_CODE_RESERVE_DAYS);
    const again = await createLink(testDb.db, input('https://example.com/c', { alias: 'Autumn' }));
    expect(again).toMatchObject({ created: true, link: { code: 'Autumn' } });

    await deleteLink(testDb.db, 'Autumn');
    await expect(
      createLink(testDb.db, input('https://example.com/d', { alias: 'autumn' })),
    ).rejects.toThrow(/belonged to a link deleted recently \(as "Autumn"/);
  });

  it('is never drawn as a generated code', async () => {
    const { link } = await createLink(testDb.db, input('https://example.com/a'), {
      generate: () => 'Gone2345',
    });
    await deleteLink(testDb.db, link.code);
    const draws = ['gone2345', 'GONE2345', 'Fresh678'];
    const { link: next } = await createLink(testDb.db, input('https://example.com/b'), {
      generate: () => draws.shift() ?? 'unused',
    });
    expect(next.code).toBe('Fresh678');
    expect(draws).toEqual([]);
  });

  it('is free at once with a reservation of 0 days, and ended reservations are forgotten', async () => {
    await deletedAlias('no-wait', 0);
    expect(await testDb.db.deletedCode.findUnique({ where: { codeKey: 'no-wait' } })).toBeNull();
    const reused = await createLink(
      testDb.db,
      input('https://example.com/b', { alias: 'no-wait' }),
      { deletedCodeReserveDays: 0 },
    );
    expect(reused.created).toBe(true);

    await deletedAlias('long-ago');
    await backdateDeletion(testDb.db, 'long-ago', DEFAULT_DELETED_CODE_RESERVE_DAYS + 1);
    await deleteLink(testDb.db, 'no-wait');
    expect(await testDb.db.deletedCode.findUnique({ where: { codeKey: 'long-ago' } })).toBeNull();
    expect(
      await testDb.db.deletedCode.findUnique({ where: { codeKey: 'no-wait' } }),
    ).not.toBeNull();
  });

  it('is never taken by a creation racing its deletion: the creation always gets 409', async () => {
    for (let round = 0; round < 20; round += 1) {
      const alias = `race-${round}`;
      await createLink(testDb.db, input('https://example.com/old', { alias }));
      const [deleted, created] = await Promise.allSettled([
        deleteLink(testDb.db, alias),
        createLink(testDb.db, input('https://example.com/new', { alias: alias.toUpperCase() })),
      ]);
      expect(deleted.status).toBe('fulfilled');
      expect(created).toMatchObject({ status: 'rejected', reason: { code: 'alias_taken' } });
      expect(await testDb.db.shortLink.count({ where: { codeKey: alias } })).toBe(0);
    }
  });
});
