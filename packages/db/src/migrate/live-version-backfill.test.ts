// The migration that split articles into a working copy and a live version carries hand-written
// SQL (SQLite and PostgreSQL dialects) that backfills the live version of every article that was
// published before it. Proven here on whichever database this run uses.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../client';
import { createEmptyPostgresDatabase } from '../testing';
import { copyPrismaDir, makeTempDir, repoPrismaDir } from '../test-helpers';
import { deployMigrations, migrationTarget } from './commands';

const BACKFILL = '20261129124000_live_versions_url_history_and_schedules';
const serverUrl = process.env.TEST_DATABASE_URL;

let url: string;
let prismaDir: string;
const cleanups: (() => unknown)[] = [];

/** The migration folders cut back to what came before the backfill migration. */
function migrationsBefore(dir: string) {
  for (const folder of [path.join(dir, 'migrations'), path.join(dir, 'postgres', 'migrations')])
    for (const name of readdirSync(folder))
      if (name >= BACKFILL && !name.endsWith('.toml'))
        rmSync(path.join(folder, name), { recursive: true });
}

function restoreMigrations(dir: string) {
  cpSync(path.join(repoPrismaDir, 'migrations'), path.join(dir, 'migrations'), { recursive: true });
  cpSync(
    path.join(repoPrismaDir, 'postgres', 'migrations'),
    path.join(dir, 'postgres', 'migrations'),
    {
      recursive: true,
    },
  );
}

beforeAll(async () => {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  prismaDir = copyPrismaDir(temp.dir);
  if (serverUrl) {
    const created = await createEmptyPostgresDatabase(serverUrl);
    cleanups.push(created.drop);
    url = created.url;
  } else {
    url = `file:${path.join(temp.dir, 'backfill.db')}`;
  }
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the live-version migration', () => {
  it('gives every published article its live version, related list and first URL', async () => {
    migrationsBefore(prismaDir);
    await deployMigrations(migrationTarget(url, prismaDir));

    // Rows as the previous schema stored them, written with raw SQL (the client knows only the new one).
    const db = createDb(url);
    cleanups.push(() => db.$disconnect());
    const p = serverUrl ? (n: number) => `$${n}` : () => '?';
    const insert = (sql: string, ...values: unknown[]) =>
      db.$executeRawUnsafe(
        sql.replace(/\$(\d+)/g, (_, n: string) => p(Number(n))),
        ...values,
      );
    const dateline = new Date('2021-04-14T07:00:00.000Z');
    const now = new Date();
    await insert(
      `INSERT INTO "User" ("id","email","name","passwordHash","role","updatedAt") VALUES ('u1','u@x.test','U','x','admin',$1)`,
      now,
    );
    await insert(`INSERT INTO "Section" ("id","slug","name") VALUES ('s1','world','World')`);
    for (const [id, slug, status, publishedAt] of [
      ['live1', 'live-one', 'published', dateline],
      ['draft1', 'draft-one', 'draft', null],
    ] as const)
      await insert(
        `INSERT INTO "Article" ("id","slug","sectionId","title","body","status","publishedAt","version","authorId","updatedAt")
         VALUES ($1,$2,'s1',$3,'{"type":"doc","content":[]}',$4,$5,7,'u1',$6)`,
        id,
        slug,
        `Title ${slug}`,
        status,
        publishedAt,
        now,
      );
    await insert(
      `INSERT INTO "RelatedLink" ("id","articleId","position","url","title") VALUES ('r2','live1',1,'https://example.org/x','X')`,
    );
    await insert(
      `INSERT INTO "RelatedLink" ("id","articleId","position","targetArticleId") VALUES ('r1','live1',0,'draft1')`,
    );

    restoreMigrations(prismaDir);
    // This one first; later migrations (other features) follow it.
    const { applied } = await deployMigrations(migrationTarget(url, prismaDir));
    expect(applied[0]).toBe(BACKFILL);

    const live = await db.articleLive.findMany();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      articleId: 'live1',
      slug: 'live-one',
      sectionId: 's1',
      title: 'Title live-one',
      publishedAt: dateline,
    });
    expect(JSON.parse(live[0]!.related)).toEqual([
      { articleId: 'draft1' },
      { url: 'https://example.org/x', title: 'X' },
    ]);
    expect(await db.articlePath.findMany({ select: { slug: true, articleId: true } })).toEqual([
      { slug: 'live-one', articleId: 'live1' },
    ]);
    const articles = await db.article.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, liveVersion: true },
    });
    expect(articles).toEqual([
      { id: 'draft1', liveVersion: null },
      { id: 'live1', liveVersion: 7 },
    ]);
  });
});
