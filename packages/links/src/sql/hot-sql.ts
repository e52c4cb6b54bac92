import { sqliteClientOf, type Db } from '@newsroom/db';

/**
 * The statements that run per request or per second (cache reads, click flushes) go straight to
 * libsql on SQLite: Prisma's own cost per raw query (~300 µs of CPU) was most of what a cache miss
 * cost, and a miss happens per request when codes come back less often than the cache TTL. Same
 * connection and file as Prisma. On PostgreSQL (a network round trip anyway) they go through
 * Prisma. Placeholders: `?1`, `?2` on SQLite, `$1`, `$2` on PostgreSQL (the caller writes both).
 */
export async function hotQuery<Row>(db: Db, sql: string, args: unknown[]): Promise<Row[]> {
  const client = sqliteClientOf(db);
  if (!client) return db.$queryRawUnsafe<Row[]>(sql, ...args);
  const result = await client.execute({ sql, args: args as never });
  return result.rows as unknown as Row[];
}

/** The same for statements that return nothing. */
export async function hotExecute(db: Db, sql: string, args: unknown[]): Promise<void> {
  const client = sqliteClientOf(db);
  if (!client) {
    await db.$executeRawUnsafe(sql, ...args);
    return;
  }
  await client.execute({ sql, args: args as never });
}
