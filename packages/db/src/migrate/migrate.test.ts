import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../client';
import { sqliteFilePath } from '../provider';
import { copyPrismaDir, makeTempDir, repoPrismaDir, tsxBin } from '../test-helpers';
import { deployMigrations, migrationStatus, migrationTarget } from './commands';
import { MigrationError } from './errors';
import { listMigrationNames } from './migrations-dir';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const committedMigrations = listMigrationNames(path.join(repoPrismaDir, 'migrations'));

async function rawSql(url: string, sql: string): Promise<void> {
  const db = createDb(url);
  try {
    await db.$executeRawUnsafe(sql);
  } finally {
    await db.$disconnect();
  }
}

async function expectProblem(promise: Promise<unknown>, problem: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as MigrationError).problem).toBe(problem);
  expect((error as MigrationError).message).toMatch(message);
}

describe('SQLite migrations', () => {
  let dir: string;
  let cleanup: () => void;
  let url: string;

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    url = `file:${path.join(dir, 'data', 'newsroom.db')}`;
  });
  afterEach(() => cleanup());

  it('applies every committed migration to a fresh database, then nothing', async () => {
    expect(committedMigrations.length).toBeGreaterThan(0);
    const target = migrationTarget(url, repoPrismaDir);
    expect(await deployMigrations(target)).toEqual({ applied: committedMigrations });

    const db = createDb(url);
    try {
      const tables = await db.$queryRawUnsafe<{ name: string }[]>(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['User', 'Article', 'ShortLink', 'ClickDay', '_prisma_migrations']),
      );
      expect(await db.shortLink.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }

    expect(await deployMigrations(target)).toEqual({ applied: [] });
    const status = await migrationStatus(target);
    expect(status).toMatchObject({ pending: [], problems: [], hasMigrationsTable: true });
  });

  it('reports pending migrations on a fresh database', async () => {
    const status = await migrationStatus(migrationTarget(url, repoPrismaDir));
    expect(status).toMatchObject({ pending: committedMigrations, hasMigrationsTable: false });
  });

  it('reports a missing SQLite file as a fresh database, without creating it', async () => {
    const status = await migrationStatus(migrationTarget(url, repoPrismaDir));
    expect(status).toMatchObject({ pending: committedMigrations, problems: [] });
    expect(existsSync(sqliteFilePath(url))).toBe(false);
  });

  it('reports an empty SQLite file as a fresh database', async () => {
    mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    writeFileSync(sqliteFilePath(url), '');
    const status = await migrationStatus(migrationTarget(url, repoPrismaDir));
    expect(status).toMatchObject({ pending: committedMigrations, hasMigrationsTable: false });
  });

  it('refuses a database with a hand-made table (drift), in deploy and status', async () => {
    const target = migrationTarget(url, repoPrismaDir);
    await deployMigrations(target);
    await rawSql(url, 'CREATE TABLE "Handmade" ("id" INTEGER PRIMARY KEY)');

    await expectProblem(deployMigrations(target), 'drift', /not in sync.*Handmade/s);
    const status = await migrationStatus(target);
    expect(status.problems.map((p) => p.problem)).toEqual(['drift']);
  });

  it('refuses a database with a hand-made column (drift)', async () => {
    const target = migrationTarget(url, repoPrismaDir);
    await deployMigrations(target);
    await rawSql(url, 'ALTER TABLE "User" ADD COLUMN "shoeSize" INTEGER');

    await expectProblem(deployMigrations(target), 'drift', /not in sync.*User/s);
  });

  it('refuses a database that has a migration the folder does not have (ahead)', async () => {
    const newerPrisma = copyPrismaDir(dir);
    const future = path.join(newerPrisma, 'migrations', '29990101000000_from_the_future');
    mkdirSync(future);
    writeFileSync(path.join(future, 'migration.sql'), 'CREATE TABLE "Future" ("id" INTEGER);\n');
    await deployMigrations(migrationTarget(url, newerPrisma));

    const target = migrationTarget(url, repoPrismaDir);
    await expectProblem(
      deployMigrations(target),
      'database-ahead',
      /29990101000000_from_the_future/,
    );
    const status = await migrationStatus(target);
    expect(status.problems.map((p) => p.problem)).toEqual(['database-ahead']);
  });
});

describe('db:migrate (create a migration)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  function runMigrateCli(prismaDir: string, ...args: string[]) {
    return spawnSync(tsxBin, ['scripts/migrate.ts', ...args], {
      cwd: packageDir,
      env: {
        ...process.env,
        NEWSROOM_PRISMA_DIR: prismaDir,
        DATABASE_URL: `file:${path.join(dir, 'dev.db')}`,
      },
      encoding: 'utf8',
    });
  }

  // Three CLI runs, each booting tsx and the WebAssembly engine: 8 s on a quiet machine, up to
  // 30 s when turbo builds and tests everything else on the same 2 CPUs.
  it(
    'writes the SQLite and the PostgreSQL migration for a schema change',
    { timeout: 180_000 },
    () => {
      const prismaDir = copyPrismaDir(dir);
      const schemaPath = path.join(prismaDir, 'schema.prisma');
      const schema = readFileSync(schemaPath, 'utf8');
      writeFileSync(schemaPath, schema.replace('model User {', 'model User {\n  nickname String?'));

      const created = runMigrateCli(prismaDir, 'dev', '--name', 'add nickname');
      expect(created.stderr).not.toMatch(/Error/);
      expect(created.status).toBe(0);

      const sqliteNames = listMigrationNames(path.join(prismaDir, 'migrations'));
      const postgresNames = listMigrationNames(path.join(prismaDir, 'postgres', 'migrations'));
      const newName = sqliteNames.at(-1) ?? '';
      expect(newName).toMatch(/^\d{14}_add_nickname$/);
      expect(sqliteNames).toEqual([...committedMigrations, newName]);
      expect(postgresNames).toEqual(sqliteNames);
      const sqliteSql = readFileSync(
        path.join(prismaDir, 'migrations', newName, 'migration.sql'),
        'utf8',
      );
      const postgresSql = readFileSync(
        path.join(prismaDir, 'postgres', 'migrations', newName, 'migration.sql'),
        'utf8',
      );
      expect(sqliteSql).toMatch(/ALTER TABLE "User" ADD COLUMN "nickname" TEXT/);
      expect(postgresSql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
      expect(readFileSync(path.join(prismaDir, 'postgres', 'schema.prisma'), 'utf8')).toContain(
        'nickname String?',
      );

      const again = runMigrateCli(prismaDir, 'dev', '--name', 'nothing');
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('Already in sync, no migration created.');

      const status = runMigrateCli(prismaDir, 'status');
      expect(status.status).toBe(0);
      expect(status.stdout).toContain('Database schema is up to date!');
    },
  );

  // Three CLI runs too (see above): a ceiling for a loaded machine, not a speed target.
  it(
    'exits non-zero with a clear message on a drifted database',
    { timeout: 180_000 },
    async () => {
      const prismaDir = copyPrismaDir(dir);
      expect(runMigrateCli(prismaDir, 'deploy').status).toBe(0);
      await rawSql(`file:${path.join(dir, 'dev.db')}`, 'CREATE TABLE "Handmade" ("id" INTEGER)');
      for (const command of ['deploy', 'status']) {
        const result = runMigrateCli(prismaDir, command);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/Error: .*not in sync/);
      }
    },
  );
});
