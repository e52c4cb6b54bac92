/**
 * Where the bench's links live. BENCH_DATABASE_URL = a PostgreSQL server (user with CREATEDB) on
 * which a fresh database is created, migrated and dropped (`npm run bench:postgres`); else
 * DATABASE_URL (already migrated) as it is; else a temporary SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, isPostgres, redactUrl, type Db } from '@newsroom/db';
import { applyPendingMigrations, prepareDatabase } from '@newsroom/db/migrate';
import { createEmptyPostgresDatabase } from '@newsroom/db/testing';

export const SEEDED_LINKS = 100_000;
/** The day of the seeded click history: yesterday, in UTC (ClickDay.day). */
const HISTORY_DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const ROWS_PER_INSERT = 1_000;

export async function benchDatabase(): Promise<{
  url: string;
  label: string;
  cleanup: () => Promise<void>;
}> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    if (!isPostgres(server)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');
    const { url, drop } = await createEmptyPostgresDatabase(server);
    await applyPendingMigrations(url); // what `npm run db:deploy` does
    return { url, label: `PostgreSQL, fresh database on ${redactUrl(server)}`, cleanup: drop };
  }
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    await prepareDatabase(url);
    return { url, label: `DATABASE_URL ${redactUrl(url)}`, cleanup: async () => undefined };
  }
  const tempDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-'));
  const url = `file:${path.join(tempDir, 'bench.db')}`;
  await prepareDatabase(url);
  return {
    url,
    label: 'SQLite (temporary file)',
    cleanup: async () => rmSync(tempDir, { recursive: true, force: true }),
  };
}

/** 100,000 links in 1,000-row INSERTs: seconds instead of minutes through the ORM. */
export async function seedLinks(databaseUrl: string): Promise<{ db: Db; paths: string[] }> {
  const db = createDb(databaseUrl);
  await removeSeededLinks(db);
  const now = new Date().toISOString();
  const started = performance.now();
  for (let start = 0; start < SEEDED_LINKS; start += ROWS_PER_INSERT) {
    const rows = [];
    for (let index = start; index < Math.min(start + ROWS_PER_INSERT, SEEDED_LINKS); index += 1) {
      rows.push(
        `('bench-${index}', 'bench${index}', 'bench${index}', 'https://example.com/article/${index}', 302, false, '${now}', '${now}')`,
      );
    }
    await db.$executeRawUnsafe(
      `INSERT INTO "ShortLink" ("id", "code", "codeKey", "url", "redirectType", "disabled", "createdAt", "updatedAt") VALUES ${rows.join(',')}`,
    );
  }
  await seedClickHistory(db);
  console.log(
    `Seeded ${SEEDED_LINKS.toLocaleString('en')} links with yesterday's clicks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const paths = Array.from({ length: SEEDED_LINKS }, (_, index) => `/bench${index}`);
  return { db, paths };
}

/**
 * Yesterday's clicks for every seeded link, as a newsroom whose links readers follow has them:
 * a starting shortener warms its cache with the most clicked (SHORTENER_CACHE_WARM), as it
 * would after a restart in production. Counted apart from the clicks the bench checks (today's).
 */
async function seedClickHistory(db: Db) {
  for (let start = 0; start < SEEDED_LINKS; start += ROWS_PER_INSERT) {
    const rows = [];
    for (let index = start; index < Math.min(start + ROWS_PER_INSERT, SEEDED_LINKS); index += 1) {
      rows.push(`('bench-${index}', '${HISTORY_DAY}', ${1 + (index % 50)})`);
    }
    await db.$executeRawUnsafe(
      `INSERT INTO "ClickDay" ("linkId", "day", "count") VALUES ${rows.join(',')}`,
    );
  }
}

export async function removeSeededLinks(db: Db) {
  await db.$executeRawUnsafe(`DELETE FROM "ShortLink" WHERE "id" LIKE 'bench-%'`);
}

/** Clicks written so far for the seeded links (after the seeded history). */
export async function seededClicks(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ total: bigint | number | null }[]>(
    `SELECT SUM("count") AS total FROM "ClickDay" WHERE "linkId" LIKE 'bench-%' AND "day" > '${HISTORY_DAY}'`,
  );
  return Number(rows[0]?.total ?? 0);
}
