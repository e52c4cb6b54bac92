import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STATE_WAIT_MS } from '@newsroom/testing';
import { createDb } from '@newsroom/db';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { createLink } from '../links/link-service';
import { insertLinks } from '../testing';
import { ClickBuffer, utcDay } from './click-buffer';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const HOUR = 3_600_000;
const newLink = async () =>
  (
    await createLink(testDb.db, {
      url: 'https://example.com/',
      redirectType: 302,
      expiresAt: null,
    })
  ).link;

const buffer = (db = testDb.db) =>
  new ClickBuffer({ db, intervalMs: 60_000, flushEvery: 1_000_000, onError: () => undefined });

describe('ClickBuffer', () => {
  it('writes per-day increments in one flush and adds to existing counts', async () => {
    const link = await newLink();
    const clicks = buffer();
    const day1 = Date.UTC(2030, 0, 1, 23);
    for (let index = 0; index < 5; index += 1) clicks.record(link.id, day1);
    clicks.record(link.id, day1 + 2 * HOUR);
    await clicks.flush();
    clicks.record(link.id, day1);
    await clicks.flush();
    const rows = await testDb.db.clickDay.findMany({
      where: { linkId: link.id },
      orderBy: { day: 'asc' },
    });
    expect(rows.map(({ day, count }) => [day, count])).toEqual([
      ['2030-01-01', 6],
      ['2030-01-02', 1],
    ]);
    expect(clicks.pendingClicks).toBe(0);
  });

  it('loses no update when several instances flush the same row at once', async () => {
    const link = await newLink();
    // Separate clients, like separate shortener processes on one database.
    const clients = [createDb(testDb.url), createDb(testDb.url), createDb(testDb.url)];
    const buffers = clients.map((client) => buffer(client));
    const now = Date.UTC(2030, 5, 1);
    for (let round = 0; round < 5; round += 1) {
      for (const clicks of buffers)
        for (let index = 0; index < 10; index += 1) clicks.record(link.id, now);
      await Promise.all(buffers.map((clicks) => clicks.flush()));
    }
    const row = await testDb.db.clickDay.findUnique({
      where: { linkId_day: { linkId: link.id, day: utcDay(now) } },
    });
    expect(row?.count).toBe(150);
    await Promise.all(clients.map((client) => client.$disconnect()));
  });

  it('keeps counts after a failed flush and skips links deleted meanwhile', async () => {
    const link = await newLink();
    const gone = await newLink();
    // A database that refuses the write, as when it is unreachable.
    const failing = new ClickBuffer({
      db: { $executeRaw: () => Promise.reject(new Error('database away')) } as never,
      intervalMs: 60_000,
      flushEvery: 1_000_000,
      onError: () => undefined,
    });
    failing.record(link.id);
    await failing.flush();
    expect(failing.pendingClicks).toBe(1);

    await testDb.db.shortLink.delete({ where: { id: gone.id } });
    const working = buffer();
    working.record(link.id);
    working.record(link.id);
    working.record(gone.id);
    await working.flush();
    expect(working.pendingClicks).toBe(0);
    expect((await testDb.db.clickDay.findMany({ where: { linkId: link.id } }))[0]?.count).toBe(2);
    expect(await testDb.db.clickDay.count({ where: { linkId: gone.id } })).toBe(0);
  });

  it('writes a backlog of 40,000 links in one flush', async () => {
    // One upsert per row inside one transaction took longer than Prisma's 5 s transaction
    // timeout at this size on PostgreSQL: the flush failed every time and the backlog only grew.
    const count = 40_000;
    const ids = Array.from({ length: count }, (_, index) => `backlog-${index}`);
    await insertLinks(testDb.db, ids);
    const errors: unknown[] = [];
    const clicks = new ClickBuffer({
      db: testDb.db,
      intervalMs: 60_000,
      flushEvery: 1_000_000,
      onError: (error) => errors.push(error),
    });
    const day = Date.UTC(2030, 2, 1);
    for (const id of ids) clicks.record(id, day);
    clicks.record(ids[0] ?? '', day);
    await clicks.flush();
    expect(errors).toEqual([]);
    expect(clicks.pendingClicks).toBe(0);
    const written = await testDb.db.clickDay.aggregate({
      where: { linkId: { startsWith: 'backlog-' } },
      _sum: { count: true },
      _count: true,
    });
    expect(written).toMatchObject({ _sum: { count: count + 1 }, _count: count });
  });

  it('flushes by itself once `flushEvery` rows are pending, however many clicks they hold', async () => {
    const [first, second] = [await newLink(), await newLink()];
    const clicks = new ClickBuffer({ db: testDb.db, intervalMs: 60_000, flushEvery: 4 });
    for (let index = 0; index < 10; index += 1) clicks.record(first.id);
    // One link-day row and its two details: three rows, ten clicks.
    clicks.record(first.id, Date.now(), ['device\ndesktop', 'country\nFR']);
    expect(clicks.pendingClicks).toBe(11);
    clicks.record(second.id);
    await vi.waitFor(
      async () => {
        const days = await testDb.db.clickDay.findMany({
          where: { linkId: { in: [first.id, second.id] } },
        });
        expect(days.map((day) => day.count).sort()).toEqual([1, 11]);
      },
      { timeout: STATE_WAIT_MS },
    );
    expect(clicks.pendingClicks).toBe(0);
  });

  it('counts visit details beside the clicks; every dimension adds up to the clicks', async () => {
    const link = await newLink();
    const clicks = buffer();
    const day = Date.UTC(2030, 3, 1);
    const visit = (referrer: string, device: string) => [
      `referrer\n${referrer}`,
      `device\n${device}`,
    ];
    clicks.record(link.id, day, visit('t.co', 'mobile'));
    clicks.record(link.id, day, visit('t.co', 'desktop'));
    clicks.record(link.id, day, visit('(direct)', 'mobile'));
    await clicks.flush();
    clicks.record(link.id, day, visit('t.co', 'mobile'));
    await clicks.flush();
    const rows = await testDb.db.clickDetail.findMany({
      where: { linkId: link.id },
      orderBy: [{ dimension: 'asc' }, { value: 'asc' }],
    });
    expect(rows.map(({ day, dimension, value, count }) => [day, dimension, value, count])).toEqual([
      ['2030-04-01', 'device', 'desktop', 1],
      ['2030-04-01', 'device', 'mobile', 3],
      ['2030-04-01', 'referrer', '(direct)', 1],
      ['2030-04-01', 'referrer', 't.co', 3],
    ]);
    expect((await testDb.db.clickDay.findFirst({ where: { linkId: link.id } }))?.count).toBe(4);
  });

  it('retries only the details when their statement fails after the clicks were written', async () => {
    const link = await newLink();
    const clicks = buffer();
    // The details' table away for one flush: a real failure of their statements only.
    await testDb.db.$executeRawUnsafe('ALTER TABLE "ClickDetail" RENAME TO "ClickDetailAway"');
    const day = Date.UTC(2030, 4, 1);
    clicks.record(link.id, day, ['country\nDE']);
    clicks.record(link.id, day, ['country\nFR']);
    try {
      await clicks.flush();
    } finally {
      await testDb.db.$executeRawUnsafe('ALTER TABLE "ClickDetailAway" RENAME TO "ClickDetail"');
    }
    expect(clicks.pendingClicks).toBe(0); // the clicks are written…
    expect(clicks.pendingVisitDetails).toBe(2); // …not their details, and the buffer says so
    expect(await testDb.db.clickDetail.count({ where: { linkId: link.id } })).toBe(0);
    await clicks.flush(); // …the details follow, without counting the clicks twice
    expect(clicks.pendingVisitDetails).toBe(0);
    expect((await testDb.db.clickDay.findFirst({ where: { linkId: link.id } }))?.count).toBe(2);
    const details = await testDb.db.clickDetail.findMany({
      where: { linkId: link.id },
      orderBy: { value: 'asc' },
    });
    expect(details.map(({ value, count }) => [value, count])).toEqual([
      ['DE', 1],
      ['FR', 1],
    ]);
  });

  it('retries a failed flush on its timer, not at every click, however much is pending', async () => {
    // A database away: each attempt re-reads every pending row on the redirect thread (~180 ms
    // for 60,000 of them), so an attempt per click past `flushEvery` would stall the redirects.
    let attempts = 0;
    let away = true;
    const clicks = new ClickBuffer({
      db: testDb.db,
      intervalMs: 60_000,
      flushEvery: 2,
      onError: () => undefined,
    });
    clicks.runStatementsWith(async () => {
      attempts += 1;
      if (away) throw new Error('database away');
    });
    clicks.record('link-a');
    clicks.record('link-b'); // two rows: a flush by size, which fails
    await vi.waitFor(() => expect(attempts).toBe(1), { timeout: STATE_WAIT_MS });
    for (let index = 0; index < 20; index += 1) {
      clicks.record('link-a');
      // Whatever a click starts has run (and failed) before the next macrotask.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(attempts).toBe(1);
    expect(clicks.pendingClicks).toBe(22);
    await clicks.flush(); // an explicit flush (the shutdown's) still tries at once
    expect(attempts).toBe(2);

    away = false; // back: the retry writes, and flushes by size start again
    await clicks.flush();
    expect(clicks.pendingClicks).toBe(0);
    const written = attempts;
    clicks.record('link-a');
    clicks.record('link-b');
    await vi.waitFor(() => expect(attempts).toBeGreaterThan(written), { timeout: STATE_WAIT_MS });
  });
});
