import { resolveDatabaseUrl } from './paths';
import { isSqlite } from './provider';

/**
 * What every app and script calls before its first query. SQLite (one machine, zero setup) gets
 * its pending migrations applied on the spot. PostgreSQL is migrated once per deploy with
 * `npm run db:deploy` instead, because several instances starting together must not race to
 * migrate; set NEWSROOM_AUTO_MIGRATE=1 to apply them at start anyway. Without it, a PostgreSQL
 * database with migrations not yet applied stops the app at start with a message saying so.
 */
export async function prepareDatabase(url?: string): Promise<void> {
  const resolved = resolveDatabaseUrl(url);
  if (!isSqlite(resolved) && process.env.NEWSROOM_AUTO_MIGRATE !== '1') {
    // Started before `db:deploy`: one clear line and a stop, not a stack trace per request.
    const { pendingMigrationsAtStart, pendingMigrationsMessage } =
      await import('./migrate/pending-at-start');
    const pending = await pendingMigrationsAtStart(resolved);
    if (pending && pending.length > 0) throw new Error(pendingMigrationsMessage(pending));
    return;
  }
  const { applyPendingMigrations } = await import('./migrate/commands');
  const { applied } = await applyPendingMigrations(resolved);
  if (applied.length > 0)
    console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
}
