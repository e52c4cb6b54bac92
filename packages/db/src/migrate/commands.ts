import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm';
import { prismaDir as defaultPrismaDir, resolveDatabaseUrl } from '../paths';
import { providerOf, redactUrl, sqliteFilePath, type Provider } from '../provider';
import { postgresSchemaPath, renderPostgresSchema, sqliteSchemaPath } from '../schema-sync';
import { offlinePostgresConnection, openMigrationConnection } from './adapters';
import { describeEngineError, MigrationError } from './errors';
import {
  listMigrationNames,
  nextMigrationFolderName,
  readMigrationList,
  writeMigration,
} from './migrations-dir';
import { openSchemaEngine, type Datamodel } from './wasm-engine';

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Which schema and migrations folder belong to a database URL. */
export interface MigrationTarget {
  url: string;
  provider: Provider;
  prismaDir: string;
  schemaPath: string;
  migrationsDir: string;
}

export function migrationTarget(
  url?: string,
  prismaDir: string = defaultPrismaDir(),
): MigrationTarget {
  const resolved = resolveDatabaseUrl(url);
  const provider = providerOf(resolved);
  const providerDir = provider === 'postgresql' ? path.join(prismaDir, 'postgres') : prismaDir;
  return {
    url: resolved,
    provider,
    prismaDir,
    schemaPath:
      provider === 'postgresql' ? postgresSchemaPath(prismaDir) : sqliteSchemaPath(prismaDir),
    migrationsDir: path.join(providerDir, 'migrations'),
  };
}

function readDatamodel(schemaPath: string): Datamodel {
  return { path: schemaPath, content: readFileSync(schemaPath, 'utf8') };
}

/** Opens the engine on the target database, runs `work`, and always releases connections. */
async function withEngine<T>(
  target: MigrationTarget,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const connection = openMigrationConnection(target.url);
  try {
    const engine = await openSchemaEngine(readDatamodel(target.schemaPath), connection.factory);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw asMigrationError(error, target);
  } finally {
    await connection.close();
  }
}

function asMigrationError(error: unknown, target: MigrationTarget): MigrationError {
  if (error instanceof MigrationError) return error;
  const { code, message } = describeEngineError(error);
  return new MigrationError(
    'engine',
    `Migration engine error${code ? ` ${code}` : ''} on ${redactUrl(target.url)}: ${message}`,
  );
}

// --- Checks -----------------------------------------------------------------------------------

/**
 * `diagnoseMigrationHistory` fails with P1014 when `_prisma_migrations` does not exist yet
 * (a fresh database); that simply means "nothing applied", so report it as `fresh`.
 */
async function diagnoseHistory(
  engine: SchemaEngine,
  migrationsList: MigrationList,
): Promise<DiagnoseMigrationHistoryOutput | 'fresh'> {
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } catch (error) {
    if (isMissingMigrationsTable(error)) return 'fresh';
    throw error;
  }
}

/** P1014 where the engine reports codes; on SQLite only the driver's "no such table" text. */
function isMissingMigrationsTable(error: unknown): boolean {
  const { code, message } = describeEngineError(error);
  return (
    code === 'P1014' ||
    (message.includes('_prisma_migrations') && /no such table|does not exist/i.test(message))
  );
}

/** Problems that make applying migrations unsafe; empty when the history is consistent. */
function historyProblems(
  diagnosis: DiagnoseMigrationHistoryOutput,
  target: MigrationTarget,
): MigrationError[] {
  const problems: MigrationError[] = [];
  const history = diagnosis.history;
  const folder = path.relative(process.cwd(), target.migrationsDir) || target.migrationsDir;
  if (
    history?.diagnostic === 'migrationsDirectoryIsBehind' ||
    history?.diagnostic === 'historiesDiverge'
  ) {
    problems.push(
      new MigrationError(
        'database-ahead',
        `The database ${redactUrl(target.url)} has applied migrations that are not in ${folder}: ` +
          `${history.unpersistedMigrationNames.join(', ')}. It was migrated by a newer or different ` +
          'version of the code; check out the matching code, or reset the database if it is disposable.',
      ),
    );
  }
  if (diagnosis.failedMigrationNames.length > 0) {
    problems.push(
      new MigrationError(
        'failed-migration',
        `These migrations failed on ${redactUrl(target.url)} and must be resolved by hand: ` +
          diagnosis.failedMigrationNames.join(', '),
      ),
    );
  }
  if (diagnosis.editedMigrationNames.length > 0) {
    problems.push(
      new MigrationError(
        'edited-migration',
        `These migrations were changed after they were applied to ${redactUrl(target.url)}: ` +
          `${diagnosis.editedMigrationNames.join(', ')}. Restore their original migration.sql ` +
          'and put the change in a new migration.',
      ),
    );
  }
  return problems;
}

/**
 * Drift = the live schema differs from what the applied migrations produce (a table or column
 * added by hand, a migration edited in place...). `devDiagnostic` replays the applied migrations
 * on a shadow database (in-memory for SQLite, a temporary database for PostgreSQL) and compares.
 */
async function driftProblem(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  target: MigrationTarget,
): Promise<MigrationError | undefined> {
  const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
  if (action.tag !== 'reset') return undefined;
  return new MigrationError(
    'drift',
    `The database ${redactUrl(target.url)} is not in sync with the migrations in ` +
      `${path.relative(process.cwd(), target.migrationsDir) || target.migrationsDir}:\n${action.reason.trim()}\n` +
      'Undo the manual change, or (for a disposable dev database) delete it and run the migrations again.',
  );
}

async function applyAll(engine: SchemaEngine, migrationsList: MigrationList): Promise<string[]> {
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList,
    filters: NO_FILTERS,
  });
  return appliedMigrationNames;
}

/**
 * Refuse a database that is ahead of the folder or has drifted, then apply what is pending.
 * `devDiagnostic` also fills the engine's migration-history cache, which `createMigration`
 * needs (it has no other way to reach the shadow database), hence `forCreate`.
 */
async function checkAndApply(
  engine: SchemaEngine,
  migrationsList: MigrationList,
  target: MigrationTarget,
  { forCreate }: { forCreate: boolean },
): Promise<string[]> {
  const applied: string[] = [];
  const diagnosis = await diagnoseHistory(engine, migrationsList);
  if (diagnosis === 'fresh') {
    // A database without _prisma_migrations cannot have drifted from it; applying creates it.
    applied.push(...(await applyAll(engine, migrationsList)));
    if (!forCreate) return applied;
  } else {
    const [first] = historyProblems(diagnosis, target);
    if (first) throw first;
  }
  if (forCreate || process.env.NEWSROOM_SKIP_DRIFT_CHECK !== '1') {
    const drift = await driftProblem(engine, migrationsList, target);
    if (drift) throw drift;
  }
  applied.push(...(await applyAll(engine, migrationsList)));
  return applied;
}

// --- Commands ---------------------------------------------------------------------------------

export interface DeployResult {
  applied: string[];
}

/** `prisma migrate deploy`: refuse an ahead/drifted database, then apply what is pending. */
export async function deployMigrations(target: MigrationTarget): Promise<DeployResult> {
  const migrationsList = readMigrationList(target.migrationsDir);
  return withEngine(target, async (engine) => ({
    applied: await checkAndApply(engine, migrationsList, target, { forCreate: false }),
  }));
}

/**
 * For app start-up: bring the database up to date (creating the SQLite file on first start).
 * Throws a MigrationError when the database is ahead of the code or has drifted.
 */
export async function applyPendingMigrations(url?: string): Promise<DeployResult> {
  return deployMigrations(migrationTarget(url));
}

export interface StatusReport {
  migrations: string[];
  pending: string[];
  hasMigrationsTable: boolean;
  problems: MigrationError[];
}

/** `prisma migrate status`: everything wrong with the database, without changing it. */
export async function migrationStatus(target: MigrationTarget): Promise<StatusReport> {
  const migrationsList = readMigrationList(target.migrationsDir);
  const migrations = migrationsList.migrationDirectories.map((dir) => dir.path);
  // Opening a SQLite file that is not there creates it: a status check must not.
  if (isMissingSqliteFile(target)) {
    return { migrations, pending: migrations, hasMigrationsTable: false, problems: [] };
  }
  return withEngine(target, async (engine) => {
    const diagnosis = await diagnoseHistory(engine, migrationsList);
    if (diagnosis === 'fresh') {
      return { migrations, pending: migrations, hasMigrationsTable: false, problems: [] };
    }
    const history = diagnosis.history;
    const pending =
      history?.diagnostic === 'databaseIsBehind' || history?.diagnostic === 'historiesDiverge'
        ? history.unappliedMigrationNames
        : [];
    const problems = historyProblems(diagnosis, target);
    if (problems.length === 0) {
      const drift = await driftProblem(engine, migrationsList, target);
      if (drift) problems.push(drift);
    }
    return { migrations, pending, hasMigrationsTable: true, problems };
  });
}

function isMissingSqliteFile(target: MigrationTarget): boolean {
  if (target.provider !== 'sqlite') return false;
  const file = sqliteFilePath(target.url);
  return file !== ':memory:' && !existsSync(file);
}

export type CreateMigrationResult =
  | { created: false; applied: string[] }
  | {
      created: true;
      applied: string[];
      folderName: string;
      sqlitePath: string;
      postgresPath: string;
    };

/**
 * `prisma migrate dev --name <name>` for the SQLite dev database, plus the matching PostgreSQL
 * migration (same folder name) so both providers always have the same history.
 */
export async function createMigration(
  name: string,
  target: MigrationTarget,
): Promise<CreateMigrationResult> {
  if (target.provider !== 'sqlite') {
    throw new MigrationError(
      'usage',
      'db:migrate creates migrations against the SQLite dev database; unset DATABASE_URL ' +
        `(currently ${redactUrl(target.url)}) or point it at a file: URL. ` +
        'The PostgreSQL migration is derived without a PostgreSQL server.',
    );
  }
  const existing = listMigrationNames(target.migrationsDir);
  const migrationsList = readMigrationList(target.migrationsDir);
  const datamodel = readDatamodel(target.schemaPath);
  const { applied, script } = await withEngine(target, async (engine) => {
    const applied = await checkAndApply(engine, migrationsList, target, { forCreate: true });
    const output = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [datamodel] },
      filters: NO_FILTERS,
    });
    return { applied, script: output.migrationScript };
  });
  if (script === null) return { created: false, applied };

  const folderName = nextMigrationFolderName(name, existing);
  const sqlitePath = writeMigration(target.migrationsDir, folderName, script, 'sqlite');
  const postgresPath = await writePostgresMigration(folderName, target.prismaDir);
  const after = await deployMigrations(target);
  return {
    created: true,
    applied: [...applied, ...after.applied],
    folderName,
    sqlitePath,
    postgresPath,
  };
}

// --- PostgreSQL migrations without a PostgreSQL server ----------------------------------------

/**
 * The PostgreSQL migration is a schema-to-schema diff, which the engine computes without any
 * database: FROM the datamodel as of the previous PostgreSQL migration (a snapshot written next
 * to the migrations on every db:migrate), TO the PostgreSQL schema rendered from the current
 * schema.prisma. Diffing from the migrations folder would need a PostgreSQL shadow database, and
 * diffing from the committed prisma/postgres/schema.prisma is wrong as soon as `db:generate`
 * (which turbo runs before dev/build/test) has already rewritten it.
 */
export function postgresSnapshotPath(prismaDir: string): string {
  return path.join(prismaDir, 'postgres', 'last-migration.prisma.snapshot');
}

async function writePostgresMigration(folderName: string, prismaDir: string): Promise<string> {
  const rendered = renderPostgresSchema(readFileSync(sqliteSchemaPath(prismaDir), 'utf8'));
  const script = await diffPostgresSchemas(readPostgresSnapshot(prismaDir), {
    path: postgresSchemaPath(prismaDir),
    content: rendered,
  });
  const migrationsDir = path.join(prismaDir, 'postgres', 'migrations');
  const folder = writeMigration(migrationsDir, folderName, script, 'postgresql');
  mkdirSync(path.dirname(postgresSchemaPath(prismaDir)), { recursive: true });
  writeFileSync(postgresSchemaPath(prismaDir), rendered);
  writeFileSync(postgresSnapshotPath(prismaDir), rendered);
  return folder;
}

function readPostgresSnapshot(prismaDir: string): Datamodel | undefined {
  const snapshot = postgresSnapshotPath(prismaDir);
  if (existsSync(snapshot)) return { path: snapshot, content: readFileSync(snapshot, 'utf8') };
  if (listMigrationNames(path.join(prismaDir, 'postgres', 'migrations')).length > 0) {
    throw new MigrationError(
      'not-in-sync',
      `${snapshot} is missing but PostgreSQL migrations exist, so the previous PostgreSQL ` +
        'schema is unknown. Restore it from version control.',
    );
  }
  return undefined;
}

/**
 * Diffing from "empty" makes the engine create the `public` schema too, which `prisma migrate dev`
 * against a real server never does (public exists) and which needs the CREATE privilege on the
 * database even when it is a no-op. Drop exactly that block.
 */
function withoutPublicSchemaCreation(script: string): string {
  return script.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, '');
}

async function diffPostgresSchemas(from: Datamodel | undefined, to: Datamodel): Promise<string> {
  const connection = offlinePostgresConnection();
  try {
    const engine = await openSchemaEngine(to, connection.factory);
    try {
      const result = await engine.diff({
        from: from ? { tag: 'schemaDatamodel', files: [from] } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files: [to] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return withoutPublicSchemaCreation(result.stdout ?? '');
    } finally {
      engine.free();
    }
  } catch (error) {
    const { message } = describeEngineError(error);
    throw new MigrationError('engine', `Could not compute the PostgreSQL migration: ${message}`);
  } finally {
    await connection.close();
  }
}
