import pg from 'pg';
import { migrationTarget } from './commands';
import { listMigrationNames } from './migrations-dir';

/** PostgreSQL's "undefined_table": no `_prisma_migrations` yet, so nothing was ever applied. */
const UNDEFINED_TABLE = '42P01';

/**
 * The committed migrations a PostgreSQL database has not applied, read cheaply at start (one
 * query, no schema engine, no drift check: that is `db:status`'s job). Null when the database
 * cannot be asked now: the app starts anyway and answers 503 until it can.
 */
export async function pendingMigrationsAtStart(url: string): Promise<string[] | null> {
  const committed = listMigrationNames(migrationTarget(url).migrationsDir);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.filter((name) => !applied.has(name));
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return committed;
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What an app says, and stops on, when started before `npm run db:deploy`. */
export function pendingMigrationsMessage(pending: readonly string[]): string {
  return `The database has ${pending.length} migration(s) this version needs and has not applied (${pending.join(', ')}). Run \`npm run db:deploy\` with the same DATABASE_URL, then start again.`;
}
