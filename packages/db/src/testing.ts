// Real databases for tests: a fresh, fully migrated SQLite file in a temp folder, or, when
// TEST_DATABASE_URL points at a PostgreSQL server (user with CREATEDB), a fresh database on it.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from './client';
import { isPostgres } from './provider';

export type TestDatabase = { db: Db; url: string; cleanup: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  return server && isPostgres(server)
    ? createPostgresTestDatabase(server)
    : createSqliteTestDatabase();
}

async function migrate(url: string) {
  const { applyPendingMigrations } = await import('./migrate/commands');
  await applyPendingMigrations(url);
}

async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrate(url);
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const { url, drop } = await createEmptyPostgresDatabase(serverUrl);
  await migrate(url);
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl` (its user needs CREATEDB), for
 * callers that migrate it themselves (the e2e runner runs `npm run db:deploy` like a real deploy).
 * `drop` removes it even while apps are still connected.
 */
export async function createEmptyPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return {
    url: parsed.toString(),
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runOnServer(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
