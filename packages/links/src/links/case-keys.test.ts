// Codes unique regardless of case, on a database that had case clashes BEFORE the migration:
// the real migration runs over real rows (SQLite, or PostgreSQL under test:postgres), keeps
// every link, and the clashes are reported, not merged.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, findRepoRoot, isPostgres, type Db } from '@newsroom/db';
import { deployMigrations, migrationTarget } from '@newsroom/db/migrate';
import { createEmptyPostgresDatabase } from '@newsroom/db/testing';
import { openSharedState } from '@newsroom/shared-state';
import { readShortenerConfig } from '../config';
import { createShortenerRuntime, type ShortenerRuntime } from '../runtime/shortener-runtime';
import { caseClashMessage, reconcileCaseKeys } from './case-keys';
import { findLink } from './link-service';

const MIGRATION = 'link_query_forwarding_utm_case_keys_and_change_log';
const repoPrismaDir = path.join(findRepoRoot(), 'prisma');
const tempDir = mkdtempSync(path.join(tmpdir(), 'newsroom-case-keys-'));
let url: string;
let dropDatabase = async () => {};
let db: Db;
let runtime: ShortenerRuntime;

/** The prisma folder as it was before case keys: the migrations before ours only. */
function prismaDirBeforeCaseKeys(): string {
  const dir = path.join(tempDir, 'prisma');
  cpSync(repoPrismaDir, dir, { recursive: true });
  for (const migrations of [path.join(dir, 'migrations'), path.join(dir, 'postgres/migrations')]) {
    const names = readdirSync(migrations).sort();
    const ours = names.findIndex((name) => name.endsWith(MIGRATION));
    expect(ours).toBeGreaterThan(0);
    for (const later of names.slice(ours)) {
      if (later !== 'migration_lock.toml')
        rmSync(path.join(migrations, later), { recursive: true });
    }
  }
  return dir;
}

const LEGACY = [
  ['l1', 'Spring', 'https://example.com/spring-1'],
  ['l2', 'spring', 'https://example.com/spring-2'],
  ['l3', 'SPRING', 'https://example.com/spring-3'],
  ['l4', 'Pair', 'https://example.com/pair-1'],
  ['l5', 'pair', 'https://example.com/pair-2'],
  ['l6', 'Solo', 'https://example.com/solo'],
] as const;

beforeAll(async () => {
  const server = process.env.TEST_DATABASE_URL;
  if (server && isPostgres(server)) {
    const database = await createEmptyPostgresDatabase(server);
    url = database.url;
    dropDatabase = database.drop;
  } else {
    url = `file:${path.join(tempDir, 'legacy.db')}`;
  }
  await deployMigrations(migrationTarget(url, prismaDirBeforeCaseKeys()));
  db = createDb(url);
  for (const [index, [id, code, destination]] of LEGACY.entries()) {
    // Raw SQL: the generated client already knows columns this old schema does not have.
    await db.$executeRawUnsafe(
      `INSERT INTO "ShortLink" ("id", "code", "url", "redirectType", "disabled", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 302, false, $4, $4)`,
      id,
      code,
      destination,
      new Date(Date.UTC(2026, 0, 1 + index)),
    );
  }
  expect(await deployMigrations(migrationTarget(url, repoPrismaDir))).toMatchObject({
    applied: expect.arrayContaining([expect.stringMatching(new RegExp(`${MIGRATION}$`))]),
  });
  runtime = createShortenerRuntime(db, readShortenerConfig({}), openSharedState({ db }));
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  await db?.$disconnect();
  await dropDatabase();
  rmSync(tempDir, { recursive: true, force: true });
});

describe('the migration to case-insensitive codes', () => {
  it('keeps every link, keys the ones without a clash and leaves the clashing ones unkeyed', async () => {
    const links = await db.shortLink.findMany({ orderBy: { id: 'asc' } });
    expect(links.map((link) => [link.code, link.codeKey, link.url])).toEqual(
      LEGACY.map(([id, code, destination]) => [code, id === 'l6' ? 'solo' : null, destination]),
    );
  });

  it('reports the clashes with every link, oldest first, for the operator', async () => {
    const report = await runtime.reconcileCaseKeys();
    expect(report.claimed).toEqual([]);
    expect(
      report.clashes.map((clash) => [clash.key, clash.links.map((link) => link.code)]),
    ).toEqual([
      ['spring', ['Spring', 'spring', 'SPRING']],
      ['pair', ['Pair', 'pair']],
    ]);
    const message = caseClashMessage(report);
    expect(message).toContain('2 short-link code(s) are shared by links that differ only by case');
    expect(message).toContain('/SPRING → https://example.com/spring-3');
  });

  it('resolves clashing codes by exact spelling only, and every other code in any case', async () => {
    const url = async (code: string) => (await runtime.resolver.resolve(code))?.url ?? null;
    expect(await url('Spring')).toBe('https://example.com/spring-1');
    expect(await url('spring')).toBe('https://example.com/spring-2');
    expect(await url('SPRING')).toBe('https://example.com/spring-3');
    expect(await url('sPrInG')).toBeNull();
    expect(await url('SOLO')).toBe('https://example.com/solo');
    expect(await url('solo')).toBe('https://example.com/solo');
  });

  it('refuses new aliases that clash by case, naming the existing spelling', async () => {
    const create = (alias: string) =>
      runtime.createLink({
        url: 'https://example.com/new',
        alias,
        redirectType: 302,
        expiresAt: null,
      });
    await expect(create('sPrInG')).rejects.toMatchObject({ code: 'alias_taken' });
    await expect(create('SOLO')).rejects.toThrow('The alias "SOLO" is already in use as "Solo"');
    const { link } = await create('Autumn');
    expect(link.codeKey).toBe('autumn');
    await expect(create('AUTUMN')).rejects.toMatchObject({ code: 'alias_taken' });
    expect((await runtime.resolver.resolve('aUtUmN'))?.id).toBe(link.id);
  });

  it('gives a link its key once its clash is gone', async () => {
    await runtime.deleteLink('pair');
    const report = await reconcileCaseKeys(db);
    expect(report.claimed).toEqual(['Pair']);
    expect(report.clashes.map((clash) => clash.key)).toEqual(['spring']);
    expect((await findLink(db, 'PAIR'))?.url).toBe('https://example.com/pair-1');
    expect(caseClashMessage(report)).toContain('"Pair" no longer clashes by case');
  });
});
