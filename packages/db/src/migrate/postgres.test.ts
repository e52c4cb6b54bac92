// Runs only with a PostgreSQL server (`npm run test:postgres`; vitest.config.ts leaves this file
// out otherwise). The URL's user needs CREATEDB: each run works in its own throw-away database.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../client';
import { createTestDatabase } from '../testing';
import { repoPrismaDir } from '../test-helpers';
import { deployMigrations, migrationStatus, migrationTarget } from './commands';
import { MigrationError } from './errors';
import { listMigrationNames } from './migrations-dir';
import { pendingMigrationsAtStart } from './pending-at-start';
import { prepareDatabase } from '../prepare';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('postgres.test.ts needs TEST_DATABASE_URL (npm run test:postgres)');

describe('PostgreSQL migrations', () => {
  const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`;
  let url = '';

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    const parsed = new URL(serverUrl ?? '');
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('deploys the PostgreSQL migrations, then is a no-op, and the client works', async () => {
    const target = migrationTarget(url, repoPrismaDir);
    const expected = listMigrationNames(path.join(repoPrismaDir, 'postgres', 'migrations'));
    expect(await deployMigrations(target)).toEqual({ applied: expected });
    expect(await deployMigrations(target)).toEqual({ applied: [] });
    expect(await migrationStatus(target)).toMatchObject({ pending: [], problems: [] });

    const db = createDb(url);
    try {
      const section = await db.section.create({ data: { slug: 'news', name: 'News' } });
      expect(await db.section.findUnique({ where: { slug: 'news' } })).toEqual(section);
    } finally {
      await db.$disconnect();
    }
  });

  it('refuses a drifted database', async () => {
    const target = migrationTarget(url, repoPrismaDir);
    const db = createDb(url);
    try {
      await db.$executeRawUnsafe('CREATE TABLE "Handmade" ("id" INTEGER)');
    } finally {
      await db.$disconnect();
    }
    const error = await deployMigrations(target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).problem).toBe('drift');
    expect((error as MigrationError).message).toMatch(/Handmade/);
  });
});

describe('createTestDatabase on PostgreSQL', () => {
  it('gives each caller its own fully migrated copy of one template', async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(first.url).not.toBe(second.url);
      for (const { url } of [first, second]) {
        const report = await migrationStatus(migrationTarget(url, repoPrismaDir));
        expect(report).toMatchObject({ pending: [], problems: [], hasMigrationsTable: true });
      }
      await first.db.section.create({ data: { slug: 'only-in-first', name: 'First' } });
      expect(await second.db.section.count()).toBe(0);
    } finally {
      await Promise.all([first.cleanup(), second.cleanup()]);
    }
  });
});

describe('an app started on PostgreSQL before `npm run db:deploy`', () => {
  it('stops at start with what to run, and starts once the migrations are applied', async () => {
    const name = `newsroom_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const parsed = new URL(serverUrl ?? '');
      parsed.pathname = `/${name}`;
      const url = parsed.toString();
      const committed = listMigrationNames(path.join(repoPrismaDir, 'postgres', 'migrations'));
      expect(await pendingMigrationsAtStart(url)).toEqual(committed);
      await expect(prepareDatabase(url)).rejects.toThrow(
        `The database has ${committed.length} migration(s) this version needs and has not applied`,
      );
      await expect(prepareDatabase(url)).rejects.toThrow('Run `npm run db:deploy`');

      await deployMigrations(migrationTarget(url, repoPrismaDir));
      expect(await pendingMigrationsAtStart(url)).toEqual([]);
      await expect(prepareDatabase(url)).resolves.toBeUndefined();

      // A database that cannot be asked right now does not stop the start (503 until it can).
      parsed.port = '1'; // nothing listens there
      expect(await pendingMigrationsAtStart(parsed.toString())).toBeNull();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
