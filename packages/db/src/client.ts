import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { resolveDatabaseUrl } from './paths';
import { providerOf, sqliteFilePath } from './provider';
import { rememberProvider } from './db-provider';

/**
 * The client type every app uses. Both generated clients come from the same models (the
 * PostgreSQL schema is derived from the SQLite one), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;

/** Two apps and the batched click writer share one SQLite file: wait for locks, don't fail. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * libsql opens a fresh connection after every interactive transaction, so per-connection
 * PRAGMAs would be lost; `timeout` (busy_timeout) is applied by libsql to every connection it
 * opens, and WAL is a persistent property of the database file, so setting it once per client
 * is enough. WAL lets readers (the redirect hot path) proceed while a writer holds the lock.
 */
class PrismaLibSqlWal extends PrismaLibSql {
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

export function createSqliteAdapter(url: string): PrismaLibSqlWal {
  return new PrismaLibSqlWal({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

/** The libsql client under Prisma's SQLite adapter. */
export type SqliteDriverClient = ReturnType<PrismaLibSql['createClient']>;

const sqliteAdapters = new WeakMap<object, PrismaLibSqlWal>();

/**
 * The libsql client a SQLite Db runs its statements on (undefined on PostgreSQL, or before its
 * first query), for the few statements that run per request and cannot afford Prisma's own cost
 * per query (~300 µs of CPU for a raw query on SQLite, against ~60 µs for libsql itself): the
 * shortener's cache reads and click flushes. Same connection, same file, same busy timeout.
 * Statements run outside Prisma (no Prisma logging, no Prisma errors): keep them few and simple.
 */
export function sqliteClientOf(db: object): SqliteDriverClient | undefined {
  return sqliteAdapters.get(db)?.current;
}

/** SQLite creates the file but not its folder; the zero-setup default lives in `<repo>/data`. */
export function ensureSqliteFolder(url: string): void {
  const file = sqliteFilePath(url);
  if (file === ':memory:' || file === '') return;
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/** node-postgres' own default: connections per process when DATABASE_POOL_MAX is not set. */
export const DEFAULT_POSTGRES_POOL_MAX = 10;

/**
 * Connections one process may hold open to PostgreSQL. Every app instance has its own pool, so
 * the server's `max_connections` must cover the sum over all instances (see README, Production).
 */
export function postgresPoolMax(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_MAX?.trim();
  if (!raw) return DEFAULT_POSTGRES_POOL_MAX;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`DATABASE_POOL_MAX must be a positive whole number, got "${raw}"`);
  }
  return value;
}

/**
 * A Prisma client for `url` (default: DATABASE_URL, else `<repo>/data/newsroom.db`), with the
 * driver adapter chosen from the URL scheme: `file:` → libsql, `postgres(ql)://` → node-postgres.
 */
export function createDb(url?: string): Db {
  const resolved = resolveDatabaseUrl(url);
  if (providerOf(resolved) === 'postgresql') {
    const client = new PostgresClient({
      adapter: new PrismaPg({ connectionString: resolved, max: postgresPoolMax() }),
    });
    // Same models, same generated API: only the provider differs (see the Db type above).
    return rememberProvider(client as unknown as Db, 'postgresql');
  }
  ensureSqliteFolder(resolved);
  const adapter = createSqliteAdapter(resolved);
  const db = new SqliteClient({ adapter });
  sqliteAdapters.set(db, adapter);
  return rememberProvider(db, 'sqlite');
}

const globalForDb = globalThis as typeof globalThis & { __newsroomDb?: Db };

/**
 * The process-wide client. Kept on globalThis because Next.js dev re-evaluates modules on every
 * hot reload, and a new client per reload would leak connections (and SQLite file handles).
 */
export function getDb(): Db {
  globalForDb.__newsroomDb ??= createDb();
  return globalForDb.__newsroomDb;
}
