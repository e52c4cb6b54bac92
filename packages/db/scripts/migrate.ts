// Offline replacement for `prisma migrate dev|deploy|status` (the Prisma CLI needs a native
// schema engine that cannot be downloaded here). Usage:
//   tsx scripts/migrate.ts dev --name add_x   create + apply a migration (SQLite and PostgreSQL)
//   tsx scripts/migrate.ts deploy             apply committed migrations to DATABASE_URL
//   tsx scripts/migrate.ts status             report pending / ahead / drifted; exit 1 unless up to date
// NEWSROOM_PRISMA_DIR overrides the prisma/ folder (tests use a copy).
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createMigration,
  deployMigrations,
  MigrationError,
  migrationStatus,
  migrationTarget,
  type MigrationTarget,
} from '../src/migrate';
import { redactUrl } from '../src/provider';

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

async function runDev(target: MigrationTarget, name: string | undefined): Promise<number> {
  if (!name) {
    throw new MigrationError(
      'usage',
      'Give the migration a name: npm run db:migrate -- --name add_something',
    );
  }
  const result = await createMigration(name, target);
  printApplied(result.applied);
  if (!result.created) {
    console.log('Already in sync, no migration created.');
    return 0;
  }
  console.log(`Created ${relative(result.sqlitePath)}/migration.sql`);
  console.log(`Created ${relative(result.postgresPath)}/migration.sql`);
  return 0;
}

async function runDeploy(target: MigrationTarget): Promise<number> {
  const { applied } = await deployMigrations(target);
  if (applied.length === 0) console.log('No pending migrations to apply.');
  printApplied(applied);
  return 0;
}

async function runStatus(target: MigrationTarget): Promise<number> {
  const report = await migrationStatus(target);
  console.log(`${report.migrations.length} migrations found in ${relative(target.migrationsDir)}`);
  if (!report.hasMigrationsTable) console.log('The database has no migration history yet.');
  if (report.pending.length > 0) {
    console.log(`Not yet applied:\n${report.pending.map((name) => `  ${name}`).join('\n')}`);
  }
  for (const problem of report.problems) console.error(`Error: ${problem.message}`);
  const upToDate = report.pending.length === 0 && report.problems.length === 0;
  if (upToDate) console.log('Database schema is up to date!');
  else if (report.problems.length === 0) console.log('Run `npm run db:deploy` to apply them.');
  return upToDate ? 0 : 1;
}

function printApplied(applied: string[]): void {
  if (applied.length === 0) return;
  console.log(`Applied:\n${applied.map((name) => `  ${name}`).join('\n')}`);
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string', short: 'n' } },
  });
  const command = positionals[0];
  const target = migrationTarget();
  console.log(`Database: ${redactUrl(target.url)} (${target.provider})`);
  switch (command) {
    case 'dev':
      return runDev(target, values.name);
    case 'deploy':
      return runDeploy(target);
    case 'status':
      return runStatus(target);
    default:
      throw new MigrationError(
        'usage',
        `Unknown command "${command ?? ''}": use dev, deploy or status.`,
      );
  }
}

// Exit explicitly: the wasm engine leaves a long timer pending (10-60 s) even after every
// connection is closed, which would keep the CLI alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const debug = Boolean(process.env.NEWSROOM_MIGRATE_DEBUG);
    console.error(error instanceof Error && !debug ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
