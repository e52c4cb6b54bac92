// Real databases for tests: a fresh, fully migrated SQLite file in a temp folder, or, when
// TEST_DATABASE_URL points at a PostgreSQL server (user with CREATEDB), a fresh database on it.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from './client';
import { listMigrationNames } from './migrate/migrations-dir';
import { prismaDir } from './paths';
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

/**
 * A test's own statements wait this long for the write lock, not the apps' 5 s: the servers under
 * test write beside them (a shortener's click writer runs below normal priority), and with every
 * suite at once on two cores a lock can be held for seconds. A ceiling, not a speed figure.
 */
const TEST_SQLITE_BUSY_TIMEOUT_MS = 60_000;

async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrate(url);
  const db = createDb(url, { sqliteBusyTimeoutMs: TEST_SQLITE_BUSY_TIMEOUT_MS });
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
  const template = await migratedTemplate(serverUrl);
  const { url, drop } = await createEmptyPostgresDatabase(serverUrl, template);
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

let templateForProcess: Promise<string> | undefined;

/**
 * Migrating a PostgreSQL database takes ~1.5 s (the WebAssembly engine, a shadow database for the
 * drift check); copying a migrated one with CREATE DATABASE … TEMPLATE takes ~0.1 s. So the first
 * test file on a server migrates a template named after the migrations it holds, and every test
 * database is a copy of it. An advisory lock makes parallel test processes build it only once;
 * it is built under a temporary name and renamed when complete, so a crash leaves no half-migrated
 * template behind. A changed migration gives a new name; old templates stay until dropped by hand.
 */
function migratedTemplate(serverUrl: string): Promise<string> {
  templateForProcess ??= buildTemplateOnce(serverUrl).catch((error: unknown) => {
    templateForProcess = undefined;
    throw error;
  });
  return templateForProcess;
}

async function buildTemplateOnce(serverUrl: string): Promise<string> {
  const name = `newsroom_template_${migrationsFingerprint()}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) {
      const building = `${name}_building_${randomUUID().slice(0, 8)}`;
      await client.query(`CREATE DATABASE "${building}"`);
      try {
        const parsed = new URL(serverUrl);
        parsed.pathname = `/${building}`;
        await migrate(parsed.toString());
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw error;
      }
    }
    return name;
  } finally {
    await client.end(); // also releases the advisory lock
  }
}

/** A short hash of the PostgreSQL migrations (names and SQL): the template's identity. */
function migrationsFingerprint(): string {
  const dir = path.join(prismaDir(), 'postgres', 'migrations');
  const hash = createHash('sha256');
  for (const name of listMigrationNames(dir)) {
    hash.update(name).update(readFileSync(path.join(dir, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A new database on the PostgreSQL server at `serverUrl` (its user needs CREATEDB): empty, for
 * callers that migrate it themselves (the e2e runner runs `npm run db:deploy` like a real deploy),
 * or a copy of `template`.
 * `drop` removes it even while apps are still connected.
 */
export async function createEmptyPostgresDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`;
  await runOnServer(
    serverUrl,
    `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`,
  );
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

/** A published article in section "world" (its reader URL is /world/<slug>), for tests that need one. */
export async function createPublishedArticle(db: Db, slug: string) {
  const author = await db.user.upsert({
    where: { email: 'fixture@example.com' },
    update: {},
    create: { email: 'fixture@example.com', name: 'Fixture', passwordHash: 'x' },
  });
  const section = await db.section.upsert({
    where: { slug: 'world' },
    update: {},
    create: { slug: 'world', name: 'World' },
  });
  const publishedAt = new Date();
  const content = {
    slug,
    title: `Article ${slug}`,
    body: '{"type":"doc","content":[]}',
    publishedAt,
    sectionId: section.id,
  };
  // Published as the newsroom does it: the working copy, its live version, its URL history.
  return db.article.create({
    data: {
      ...content,
      status: 'published',
      liveVersion: 1,
      authorId: author.id,
      live: {
        create: { ...content, standfirst: '', markerStyle: 'symbols', updatedAt: publishedAt },
      },
      paths: { create: { slug } },
    },
  });
}

const clusterScript = path.resolve(import.meta.dirname, '../scripts/pg-test-cluster.sh');

/**
 * A PostgreSQL cluster of a test's own (Debian's server, through scripts/pg-test-cluster.sh),
 * for outage tests that stop it and start it again on the same address: not the shared test
 * server, which other suites are using meanwhile.
 */
export function ownPostgresCluster() {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-own-pg-'));
  const run = (command: 'start' | 'stop' | 'halt' | 'resume') =>
    execFileSync('sh', [clusterScript, command], {
      env: { ...process.env, PG_TEST_DIR: dir },
      encoding: 'utf8',
    }).trim();
  return {
    /** Starts it; returns its URL. */
    start: () => run('start'),
    /** Stops it for good and deletes its files. */
    stop: () => void run('stop'),
    /** Takes it away, keeping its files. */
    halt: () => void run('halt'),
    /** Brings it back on the same address. */
    resume: () => void run('resume'),
  };
}
