// The SQLite connection settings, apart from the generated Prisma clients: a thread that only
// runs statements (the shortener's click writer) opens its connection here without loading them.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { resolveDatabaseUrl } from './paths';
import { sqliteFilePath } from './provider';

/** Two apps and the batched click writer share one SQLite file: wait for locks, don't fail. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * libsql opens a fresh connection after every interactive transaction, so per-connection
 * PRAGMAs would be lost; `timeout` (busy_timeout) is applied by libsql to every connection it
 * opens, and WAL is a persistent property of the database file, so setting it once per client
 * is enough. WAL lets readers (the redirect hot path) proceed while a writer holds the lock.
 */
export class PrismaLibSqlWal extends PrismaLibSql {
  /** The libsql client of the latest connection (see sqliteClientOf). */
  current: SqliteDriverClient | undefined;

  override createClient(config: Parameters<PrismaLibSql['createClient']>[0]) {
    const client = super.createClient(config);
    this.current = client;
    // The local libsql client runs statements synchronously inside execute(), so WAL is on
    // before the first query; a failure (e.g. read-only file) only costs concurrency.
    client.execute('PRAGMA journal_mode = WAL').catch(() => undefined);
    return client;
  }
}

export function createSqliteAdapter(
  url: string,
  busyTimeoutMs = SQLITE_BUSY_TIMEOUT_MS,
): PrismaLibSqlWal {
  return new PrismaLibSqlWal({ url, timeout: busyTimeoutMs });
}

/** The libsql client under Prisma's SQLite adapter. */
export type SqliteDriverClient = ReturnType<PrismaLibSql['createClient']>;

/** SQLite creates the file but not its folder; the zero-setup default lives in `<repo>/data`. */
export function ensureSqliteFolder(url: string): void {
  const file = sqliteFilePath(url);
  if (file === ':memory:' || file === '') return;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/**
 * A libsql client of its own on the SQLite file at `url` (default: DATABASE_URL), with the same
 * busy timeout and WAL as Prisma's, for a thread that runs statements away from the one serving
 * requests. Statements run outside Prisma: keep them few and simple.
 */
export function openSqliteClient(url?: string): SqliteDriverClient {
  const resolved = resolveDatabaseUrl(url);
  ensureSqliteFolder(resolved);
  return createSqliteAdapter(resolved).createClient({
    url: resolved,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
}
