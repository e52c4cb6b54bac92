// A PostgreSQL server for test:postgres and bench:postgres: the one given in an environment
// variable (its user needs CREATEDB; callers create and drop their own databases on it), or a
// throw-away cluster from Debian's `postgresql` package (packages/db/scripts/pg-test-cluster.sh)
// that `stop` deletes again. Ctrl+C and SIGTERM stop the cluster too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startThrowAwayServer } from './throw-away-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const clusterScript = path.join(root, 'packages/db/scripts/pg-test-cluster.sh');

function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
}

/** `{ url, stop }` for the server in `process.env[variable]`, or for a new throw-away cluster. */
export function postgresServer(variable, command) {
  const given = process.env[variable];
  if (given) return { url: given, stop: () => undefined };
  if (!postgresInstalled()) {
    console.error(
      `${command} needs a PostgreSQL server: set ${variable}=postgres://user@host:port/db ` +
        "(a user with CREATEDB), or install Debian's postgresql package (apt-get install -y " +
        'postgresql) and this command starts a throw-away cluster itself.',
    );
    process.exit(1);
  }
  return startThrowAwayServer(clusterScript, 'PG_TEST_DIR', 'newsroom-pg-');
}
