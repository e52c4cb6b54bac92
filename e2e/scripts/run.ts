// `npm run test --workspace e2e`: runs the Playwright journeys against a throw-away database and
// both apps on free ports. Ports are chosen here, once, because Playwright evaluates its config in
// every worker process and each evaluation would otherwise pick different ports.
// The database: a SQLite file in a temp folder by default; with TEST_DATABASE_URL (a PostgreSQL
// server whose user has CREATEDB) a fresh PostgreSQL database, migrated with `npm run db:deploy`
// as in production and dropped afterwards; E2E_DATABASE_URL uses that database as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@newsroom/testing';
import { isPostgres, redactUrl } from '@newsroom/db';
import { createEmptyPostgresDatabase } from '@newsroom/db/testing';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'));
const database = await throwAwayDatabase();
const [editorPort, shortenerPort, collabPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
];
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEWSROOM_DATA_DIR: dataDir,
  DATABASE_URL: database.url,
  SEED_ADMIN_EMAIL: 'admin@newsroom.test',
  SEED_ADMIN_PASSWORD: 'e2e-admin-password',
  EDITOR_PORT: String(editorPort),
  SHORTENER_PORT: String(shortenerPort),
  EDITOR_URL: `http://127.0.0.1:${editorPort}`,
  SHORTENER_URL: `http://127.0.0.1:${shortenerPort}`,
  // The co-editing journeys start the collaboration server here themselves (collab-server.ts).
  COLLAB_PORT: String(collabPort),
  COLLAB_URL: `ws://127.0.0.1:${collabPort}`,
};

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status ?? 1;
}

async function throwAwayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const noop = async () => undefined;
  if (process.env.E2E_DATABASE_URL) return { url: process.env.E2E_DATABASE_URL, drop: noop };
  const server = process.env.TEST_DATABASE_URL;
  if (server && isPostgres(server)) return createEmptyPostgresDatabase(server);
  return { url: `file:${path.join(dataDir, 'e2e.db')}`, drop: noop };
}

console.log(`e2e database: ${redactUrl(database.url)}`);
// PostgreSQL is migrated once per deploy, not by the apps at start (see prepareDatabase).
let status = isPostgres(database.url) ? run('npm', ['run', 'db:deploy', '--silent'], repoRoot) : 0;
if (status === 0) status = run('npm', ['run', 'db:seed', '--silent'], repoRoot);
if (status === 0) {
  status = run(
    'npx',
    ['playwright', 'test', ...process.argv.slice(2)],
    import.meta.dirname + '/..',
  );
}
await database.drop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
