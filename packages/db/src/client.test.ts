import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, DEFAULT_POSTGRES_POOL_MAX, postgresPoolMax } from './client';
import { isPostgres, providerOf, redactUrl } from './provider';
import { makeTempDir } from './test-helpers';

describe('createDb', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('rejects URL schemes it has no adapter for', () => {
    expect(() => createDb('mysql://root:secret@localhost/newsroom')).toThrow(
      /Unsupported DATABASE_URL "mysql:\/\/root:\*\*\*@localhost\/newsroom"/,
    );
    expect(() => createDb('newsroom.db')).toThrow(/Unsupported DATABASE_URL/);
  });

  it('opens SQLite in WAL mode with a busy timeout, creating the folder', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = createDb(`file:${path.join(temp.dir, 'nested', 'x.db')}`);
    try {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [busy] = await db.$queryRawUnsafe<{ timeout: number }[]>('PRAGMA busy_timeout');
      expect(mode?.journal_mode).toBe('wal');
      expect(Number(busy?.timeout)).toBe(5000);
    } finally {
      await db.$disconnect();
    }
  });

  it('waits for a lock as long as it is told to (tests beside a busy server)', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = createDb(`file:${path.join(temp.dir, 'x.db')}`, { sqliteBusyTimeoutMs: 60_000 });
    try {
      const [busy] = await db.$queryRawUnsafe<{ timeout: number }[]>('PRAGMA busy_timeout');
      expect(Number(busy?.timeout)).toBe(60_000);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('postgresPoolMax', () => {
  it("reads DATABASE_POOL_MAX, defaulting to node-postgres' 10", () => {
    expect(postgresPoolMax({})).toBe(DEFAULT_POSTGRES_POOL_MAX);
    expect(postgresPoolMax({ DATABASE_POOL_MAX: ' 25 ' })).toBe(25);
  });

  it('refuses a value that would silently break the pool', () => {
    for (const bad of ['0', '-3', 'ten', '2.5']) {
      expect(() => postgresPoolMax({ DATABASE_POOL_MAX: bad })).toThrow(
        `DATABASE_POOL_MAX must be a positive whole number, got "${bad}"`,
      );
    }
  });
});

describe('provider helpers', () => {
  it('tells PostgreSQL from SQLite by the URL prefix', () => {
    expect(isPostgres('postgres://u@h/db')).toBe(true);
    expect(isPostgres('postgresql://u@h/db')).toBe(true);
    expect(isPostgres('file:/tmp/x.db')).toBe(false);
    expect(providerOf('file:./x.db')).toBe('sqlite');
    expect(redactUrl('postgres://user:pa@ss@host/db')).toBe('postgres://user:***@host/db');
  });
});
