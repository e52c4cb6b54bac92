// `npm run db:generate`: derive prisma/postgres/schema.prisma from prisma/schema.prisma, then
// generate both Prisma clients offline.
// `npm run db:generate -- --check`: only verify that the committed PostgreSQL schema is in sync
// (for tests/CI); exits 1 with the first differing line otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prismaDir } from '../src/paths';
import {
  checkPostgresSchema,
  postgresSchemaPath,
  renderPostgresSchema,
  sqliteSchemaPath,
} from '../src/schema-sync';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Prisma's CLI downloads a native schema engine before doing anything, which fails (or hangs)
 * offline. `prisma generate` does not need the engine, so point it at a stub that fails loudly
 * if something does call it, and switch off the update check.
 */
function offlinePrismaEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(packageDir, 'scripts/schema-engine-stub.sh'),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

function writePostgresSchema(dir: string): void {
  const target = postgresSchemaPath(dir);
  const rendered = renderPostgresSchema(readFileSync(sqliteSchemaPath(dir), 'utf8'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, rendered);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}

function prismaGenerate(schemaPath: string): void {
  const prismaBin = path.join(path.dirname(requirePrismaPackageJson()), 'build/index.js');
  const result = spawnSync(
    process.execPath,
    [
      prismaBin,
      'generate',
      '--config',
      path.join(packageDir, 'prisma.config.ts'),
      '--schema',
      schemaPath,
    ],
    { stdio: 'inherit', env: offlinePrismaEnv(), timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(
      `prisma generate failed for ${schemaPath} (exit ${result.status ?? result.signal})`,
    );
  }
}

function requirePrismaPackageJson(): string {
  return fileURLToPath(import.meta.resolve('prisma/package.json'));
}

function main(): void {
  const dir = prismaDir();
  if (process.argv.includes('--check')) {
    const result = checkPostgresSchema(dir);
    if (!result.inSync) {
      console.error(`${result.reason}\nRun \`npm run db:generate\` and commit the result.`);
      process.exit(1);
    }
    console.log('prisma/postgres/schema.prisma is in sync with prisma/schema.prisma.');
    return;
  }
  writePostgresSchema(dir);
  prismaGenerate(sqliteSchemaPath(dir));
  prismaGenerate(postgresSchemaPath(dir));
}

main();
