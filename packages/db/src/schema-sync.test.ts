import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPostgresSchema, postgresSchemaPath, renderPostgresSchema } from './schema-sync';
import { copyPrismaDir, makeTempDir, repoPrismaDir, tsxBin } from './test-helpers';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('PostgreSQL schema derived from the SQLite one', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('is in sync in the repository', () => {
    expect(checkPostgresSchema(repoPrismaDir)).toEqual({ inSync: true });
  });

  it('changes only the provider and the client output', () => {
    const sqlite =
      'generator client {\n  output = "../packages/db/src/generated/sqlite"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n';
    const rendered = renderPostgresSchema(sqlite);
    expect(rendered).toContain('output = "../../packages/db/src/generated/postgres"');
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toMatch(/^\/\/ GENERATED FILE/);
  });

  it('reports a hand-edited PostgreSQL schema, also through `db:generate --check`', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const prismaDir = copyPrismaDir(temp.dir);
    const target = postgresSchemaPath(prismaDir);
    writeFileSync(
      target,
      readFileSync(target, 'utf8').replace('model User {', 'model User {\n  x Int'),
    );
    const result = checkPostgresSchema(prismaDir);
    expect(result.inSync).toBe(false);

    const cli = spawnSync(tsxBin, ['scripts/generate.ts', '--check'], {
      cwd: packageDir,
      env: { ...process.env, NEWSROOM_PRISMA_DIR: prismaDir },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/differs from the one generated.*first difference at line/s);
  });
});
