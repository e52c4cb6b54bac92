// SQLite locked by someone else (a backup, a `sqlite3` shell holding a write transaction): the
// editor keeps serving reads (WAL), a write waits out the busy timeout and then answers 503
// `unavailable` with Retry-After, never a 500; once the lock is gone, writes succeed again
// without a restart. Always on a SQLite file of its own, whatever TEST_DATABASE_URL says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, createSession } from '@newsroom/auth';
import { createDb, type Db } from '@newsroom/db';
import { applyPendingMigrations } from '@newsroom/db/migrate';
import { createPublishedArticle } from '@newsroom/db/testing';
import { startEditor, type EditorProcess } from '../testing/editor-process';

const databaseUrl = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'newsroom-locked-')), 'locked.db')}`;
let db: Db;
let editor: EditorProcess;
let staffCookie: string;
let sectionId: string;

beforeAll(async () => {
  await applyPendingMigrations(databaseUrl);
  db = createDb(databaseUrl);
  const user = await db.user.create({
    data: { email: 'locked@example.com', name: 'Locked', role: 'editor', passwordHash: 'x' },
  });
  staffCookie = `${SESSION_COOKIE}=${(await createSession(db, user.id)).token}`;
  sectionId = (await createPublishedArticle(db, 'readable')).sectionId;
  editor = await startEditor(databaseUrl);
});

afterAll(async () => {
  await editor?.stop();
  await db?.$disconnect();
});

/**
 * Another client holds SQLite's write lock (a transaction that has written and not committed)
 * until the returned release() is called, as a backup or a `sqlite3` shell would.
 */
async function holdWriteLock(): Promise<() => Promise<void>> {
  const locker = createDb(databaseUrl);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = locker.$transaction(
    async (tx) => {
      await tx.section.update({ where: { id: sectionId }, data: { name: 'World' } });
      locked();
      await released;
    },
    { timeout: 120_000 },
  );
  await isLocked;
  return async () => {
    release();
    await transaction;
    await locker.$disconnect();
  };
}

function createArticle() {
  return fetch(`${editor.url}/api/newsroom/articles`, {
    method: 'POST',
    headers: { cookie: staffCookie, origin: editor.url, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Written while locked', sectionId }),
  });
}

describe('SQLite file locked by another process', () => {
  it('reads go on, a write answers 503 with Retry-After, and writes work again after', async () => {
    const release = await holdWriteLock();
    try {
      expect((await fetch(`${editor.url}/world/readable`)).status, 'reader page').toBe(200);
      const refused = await createArticle();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({
        error: { code: 'unavailable', message: expect.stringContaining('database') },
      });
      expect(await db.article.count({ where: { title: 'Written while locked' } })).toBe(0);
    } finally {
      await release();
    }
    // The gate reopens once its probe passes (about a second): wait for that state.
    await expect
      .poll(async () => (await createArticle()).status, { timeout: 30_000, interval: 250 })
      .toBe(201);
  });
});
