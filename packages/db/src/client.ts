import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { resolveDatabaseUrl } from './paths';
import { providerOf } from './provider';
import { rememberProvider } from './db-provider';
import {
  createSqliteAdapter,
  ensureSqliteFolder,
  type PrismaLibSqlWal,
  type SqliteDriverClient,
} from './sqlite-connection';
import { wholeNumberSetting } from '@newsroom/settings';

export { SQLITE_BUSY_TIMEOUT_MS, type SqliteDriverClient } from './sqlite-connection';

/**
 * The client type every app uses. Both generated clients come from the same models (the
 * PostgreSQL schema is derived from the SQLite one), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;

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

/** node-postgres' own default: connections per process when DATABASE_POOL_MAX is not set. */
export const DEFAULT_POSTGRES_POOL_MAX = 10;

/**
 * Connections one process may hold open to PostgreSQL. Every app instance has its own pool, so
 * the server's `max_connections` must cover the sum over all instances (see README, Production).
 */
export function postgresPoolMax(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberSetting(env, 'DATABASE_POOL_MAX', 1) ?? DEFAULT_POSTGRES_POOL_MAX;
}

/**
 * A Prisma client for `url` (default: DATABASE_URL, else `<repo>/data/newsroom.db`), with the
 * driver adapter chosen from the URL scheme: `file:` → libsql, `postgres(ql)://` → node-postgres.
 */
export type DbOptions = {
  /** How long a SQLite statement waits for another connection's write lock (PostgreSQL: unused). */
  sqliteBusyTimeoutMs?: number;
};

export function createDb(url?: string, options: DbOptions = {}): Db {
  const resolved = resolveDatabaseUrl(url);
  if (providerOf(resolved) === 'postgresql') {
    const client = new PostgresClient({
      adapter: new PrismaPg({ connectionString: resolved, max: postgresPoolMax() }),
    });
    // Same models, same generated API: only the provider differs (see the Db type above).
    return rememberProvider(client as unknown as Db, 'postgresql');
  }
  ensureSqliteFolder(resolved);
  const adapter = createSqliteAdapter(resolved, options.sqliteBusyTimeoutMs);
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
