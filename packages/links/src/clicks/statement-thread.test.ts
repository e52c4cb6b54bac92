import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { threadNiceValues } from '@newsroom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@newsroom/db';
import { applyPendingMigrations } from '@newsroom/db/migrate';
import { createLink } from '../links/link-service';
import { insertLinks } from '../testing';
import { ClickBuffer, utcDay } from './click-buffer';
import {
  createSqliteStatementThread,
  WRITER_PRIORITY,
  type StatementThread,
} from './statement-thread';

// The thread exists for SQLite only (libsql runs statements on the calling thread): always a
// SQLite file here, also under test:postgres.
let dir: string;
let url: string;
let db: Db;
let thread: StatementThread;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsroom-statement-thread-'));
  url = `file:${path.join(dir, 'test.db')}`;
  await applyPendingMigrations(url);
  db = createDb(url);
  thread = createSqliteStatementThread(url);
});
afterAll(async () => {
  await thread.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('createSqliteStatementThread', () => {
  it('starts ahead of the first statement, once however often it is asked', async () => {
    const starting = thread.start();
    expect(thread.start()).toBe(starting);
    await starting;
    await thread.run('UPDATE "ShortLink" SET "disabled" = ? WHERE "id" = ?', [true, 'none']);
  });

  it.runIf(process.platform === 'linux')(
    'writes below normal priority, its own thread only: redirects come first',
    async () => {
      const before = getPriority();
      const lowered = threadNiceValues().filter((nice) => nice === WRITER_PRIORITY).length;
      const own = createSqliteStatementThread(url);
      try {
        await own.start();
        expect(threadNiceValues().filter((nice) => nice === WRITER_PRIORITY)).toHaveLength(
          lowered + 1,
        );
        expect(getPriority()).toBe(before); // this (the redirect) thread keeps its priority
      } finally {
        await own.close();
      }
    },
  );

  it("writes a click buffer's counts from its own connection, exactly", async () => {
    const { link } = await createLink(db, {
      url: 'https://example.com/',
      redirectType: 302,
      expiresAt: null,
    });
    const clicks = new ClickBuffer({ db, intervalMs: 60_000, flushEvery: 1_000_000 });
    clicks.runStatementsWith(thread.run);
    const now = Date.now();
    for (let index = 0; index < 1_234; index += 1) {
      clicks.record(link.id, now, ['device\nmobile', 'country\nFR']);
    }
    await clicks.flush();
    const day = await db.clickDay.findUnique({
      where: { linkId_day: { linkId: link.id, day: utcDay(now) } },
    });
    expect(day?.count).toBe(1_234);
    const details = await db.clickDetail.findMany({
      where: { linkId: link.id },
      orderBy: { dimension: 'asc' },
    });
    expect(details.map(({ dimension, value, count }) => [dimension, value, count])).toEqual([
      ['country', 'FR', 1_234],
      ['device', 'mobile', 1_234],
    ]);
  });

  it("rejects a failed statement with the database's message and goes on with the next", async () => {
    await expect(thread.run('INSERT INTO "NoSuchTable" ("x") VALUES (?)', [1])).rejects.toThrow(
      /no such table/i,
    );
    await thread.run('UPDATE "ShortLink" SET "disabled" = ? WHERE "id" = ?', [true, 'none']);
  });

  it('writes a flush of many statements exactly', async () => {
    const ids = Array.from({ length: 3_000 }, (_, index) => `many-${index}`);
    await insertLinks(db, ids);
    const clicks = new ClickBuffer({ db, intervalMs: 60_000, flushEvery: 1_000_000 });
    clicks.runStatementsWith(thread.run);
    const day = Date.UTC(2031, 0, 1);
    // 3,000 day rows and 6,000 detail rows: 6 and 12 statements.
    for (const id of ids) clicks.record(id, day, ['device\nmobile', `country\n${id.length}`]);
    clicks.record(ids[0]!, day, ['device\nmobile', 'country\nFR']);
    await clicks.flush();
    expect(clicks.pendingClicks).toBe(0);
    const days = await db.clickDay.aggregate({
      where: { linkId: { startsWith: 'many-' } },
      _sum: { count: true },
      _count: true,
    });
    expect(days).toMatchObject({ _sum: { count: 3_001 }, _count: 3_000 });
    const details = await db.clickDetail.groupBy({
      by: ['dimension'],
      where: { linkId: { startsWith: 'many-' } },
      _sum: { count: true },
    });
    expect(details.map(({ dimension, _sum }) => [dimension, _sum.count])).toEqual(
      expect.arrayContaining([
        ['device', 3_001],
        ['country', 3_001],
      ]),
    );
  });

  it('answers every statement truthfully when one sent among others fails', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `together-${index}`);
    await insertLinks(db, ids);
    const disable = (id: string) =>
      thread.run('UPDATE "ShortLink" SET "disabled" = 1 WHERE "id" = ?', [id]);
    const answers = await Promise.allSettled([
      ...ids.slice(0, 6).map(disable),
      thread.run('INSERT INTO "NoSuchTable" ("x") VALUES (?)', [1]),
      ...ids.slice(6).map(disable),
    ]);
    expect(answers[6]?.status).toBe('rejected');
    const disabled = new Set(
      (await db.shortLink.findMany({ where: { id: { in: ids }, disabled: true } })).map(
        ({ id }) => id,
      ),
    );
    // Answered "written" ⇔ written, for each of them.
    const claimed = ids.filter(
      (_, index) => answers[index < 6 ? index : index + 1]?.status === 'fulfilled',
    );
    expect([...disabled].sort()).toEqual(claimed.sort());
  });

  it('puts back exactly the chunks whose statements failed, and writes them on the next flush', async () => {
    const ids = Array.from({ length: 1_500 }, (_, index) => `retry-${index}`);
    await insertLinks(db, ids);
    const clicks = new ClickBuffer({
      db,
      intervalMs: 60_000,
      flushEvery: 1_000_000,
      onError: () => undefined,
    });
    clicks.runStatementsWith(thread.run);
    const day = Date.UTC(2031, 1, 1);
    for (const id of ids) clicks.record(id, day, ['country\nDE']);
    // The details' table away for one flush: its first statement fails, the rest wait.
    await db.$executeRawUnsafe('ALTER TABLE "ClickDetail" RENAME TO "ClickDetailAway"');
    try {
      await clicks.flush();
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "ClickDetailAway" RENAME TO "ClickDetail"');
    }
    expect(clicks.pendingClicks).toBe(0);
    await clicks.flush();
    const details = await db.clickDetail.aggregate({
      where: { linkId: { startsWith: 'retry-' } },
      _sum: { count: true },
      _count: true,
    });
    expect(details).toMatchObject({ _sum: { count: 1_500 }, _count: 1_500 });
    const days = await db.clickDay.aggregate({
      where: { linkId: { startsWith: 'retry-' } },
      _sum: { count: true },
    });
    expect(days._sum.count).toBe(1_500);
  });

  it('answers a statement sent while it closes from the next thread, which wrote it', async () => {
    await thread.start();
    const { link } = await createLink(db, {
      url: 'https://example.com/while-closing',
      redirectType: 302,
      expiresAt: null,
    });
    const closing = thread.close();
    // Sent before the closed thread has stopped: a new thread runs it. The old thread's stop
    // must not answer it "failed" (a click buffer would write its chunk again: counted twice).
    const written = thread.run('UPDATE "ShortLink" SET "disabled" = ? WHERE "id" = ?', [
      1,
      link.id,
    ]);
    await closing;
    await expect(written).resolves.toBeUndefined();
    expect((await db.shortLink.findUnique({ where: { id: link.id } }))?.disabled).toBe(true);
    // And the new thread is the one used (and closed) from now on, not left running unknown.
    await thread.run('UPDATE "ShortLink" SET "disabled" = ? WHERE "id" = ?', [0, link.id]);
    expect((await db.shortLink.findUnique({ where: { id: link.id } }))?.disabled).toBe(false);
  });

  it('starts again for the next statement after being closed', async () => {
    await thread.close();
    const { link } = await createLink(db, {
      url: 'https://example.com/again',
      redirectType: 302,
      expiresAt: null,
    });
    await thread.run('UPDATE "ShortLink" SET "disabled" = ? WHERE "id" = ?', [1, link.id]);
    expect((await db.shortLink.findUnique({ where: { id: link.id } }))?.disabled).toBe(true);
  });
});
