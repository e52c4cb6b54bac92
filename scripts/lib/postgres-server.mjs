// A PostgreSQL server for test:postgres and bench:postgres: the one given in an environment
// variable (its user needs CREATEDB; callers create and drop their own databases on it), or a
// throw-away cluster from Debian's `postgresql` package (packages/db/scripts/pg-test-cluster.sh)
// that `stop` deletes again. Ctrl+C and SIGTERM stop the cluster too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
  const env = { ...process.env, PG_TEST_DIR: mkdtempSync(path.join(tmpdir(), 'newsroom-pg-')) };
  const started = spawnSync('sh', [clusterScript, 'start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (started.status !== 0) process.exit(started.status ?? 1);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync('sh', [clusterScript, 'stop'], { env, stdio: 'ignore' });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: started.stdout.trim(), stop };
}
