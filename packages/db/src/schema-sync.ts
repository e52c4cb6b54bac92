import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * prisma/schema.prisma (SQLite) is the one data model; the PostgreSQL schema is derived
 * from it by changing only the datasource provider and the client output folder. A schema
 * has exactly one provider (`provider = env(...)` is rejected), so two files are needed,
 * and deriving one from the other is what keeps them from drifting apart.
 */
export const POSTGRES_SCHEMA_HEADER = [
  '// GENERATED FILE - do not edit. Source: prisma/schema.prisma (SQLite).',
  '// Regenerate with `npm run db:generate`; `npm run db:generate -- --check` verifies it in CI.',
  '// Differences: datasource provider (postgresql) and generator output only.',
  '',
  '',
].join('\n');

const SQLITE_PROVIDER_LINE = /^(\s*provider\s*=\s*)"sqlite"(\s*)$/m;
const SQLITE_OUTPUT_LINE = /^(\s*output\s*=\s*)"\.\.\/packages\/db\/src\/generated\/sqlite"(\s*)$/m;

export function sqliteSchemaPath(prismaDir: string): string {
  return path.join(prismaDir, 'schema.prisma');
}

export function postgresSchemaPath(prismaDir: string): string {
  return path.join(prismaDir, 'postgres', 'schema.prisma');
}

export function renderPostgresSchema(sqliteSchema: string): string {
  const withProvider = replaceExactlyOnce(
    sqliteSchema,
    SQLITE_PROVIDER_LINE,
    '$1"postgresql"$2',
    'provider = "sqlite"',
  );
  // The PostgreSQL schema sits one folder deeper (prisma/postgres/), hence ../../
  const withOutput = replaceExactlyOnce(
    withProvider,
    SQLITE_OUTPUT_LINE,
    '$1"../../packages/db/src/generated/postgres"$2',
    'output = "../packages/db/src/generated/sqlite"',
  );
  return POSTGRES_SCHEMA_HEADER + withOutput;
}

function replaceExactlyOnce(
  text: string,
  pattern: RegExp,
  replacement: string,
  description: string,
): string {
  const count = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
  if (count !== 1) {
    throw new Error(
      `prisma/schema.prisma must contain the line ${description} exactly once (found ${count}); ` +
        'the PostgreSQL schema is derived from it.',
    );
  }
  return text.replace(pattern, replacement);
}

export type SchemaSyncResult = { inSync: true } | { inSync: false; reason: string };

/** Compares the committed PostgreSQL schema with what `renderPostgresSchema` would write. */
export function checkPostgresSchema(prismaDir: string): SchemaSyncResult {
  const expected = renderPostgresSchema(readFileSync(sqliteSchemaPath(prismaDir), 'utf8'));
  let actual: string;
  try {
    actual = readFileSync(postgresSchemaPath(prismaDir), 'utf8');
  } catch {
    return { inSync: false, reason: `${postgresSchemaPath(prismaDir)} does not exist.` };
  }
  if (actual === expected) return { inSync: true };
  return {
    inSync: false,
    reason: `${postgresSchemaPath(prismaDir)} differs from the one generated from schema.prisma ${firstDifference(expected, actual)}.`,
  };
}

function firstDifference(expected: string, actual: string): string {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const length = Math.max(expectedLines.length, actualLines.length);
  for (let i = 0; i < length; i++) {
    if (expectedLines[i] !== actualLines[i]) {
      return `(first difference at line ${i + 1}: expected ${JSON.stringify(expectedLines[i] ?? '<end of file>')}, found ${JSON.stringify(actualLines[i] ?? '<end of file>')})`;
    }
  }
  return '';
}
