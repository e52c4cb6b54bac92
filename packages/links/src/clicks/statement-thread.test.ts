import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '@newsroom/db';
import { applyPendingMigrations } from '@newsroom/db/migrate';
import { createLink } from '../links/link-service';
import { ClickBuffer, utcDay } from './click-buffer';
import { createSqliteStatementThread, type StatementThread } from './statement-thread';

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
