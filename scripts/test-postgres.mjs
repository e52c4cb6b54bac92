// `npm run test:postgres`: the unit/integration suites and the e2e journeys against PostgreSQL.
// Uses the server in TEST_DATABASE_URL (its user needs CREATEDB: every test file and the e2e run
// create and drop their own databases), or, when it is not set, starts a throw-away cluster with
// Debian's `postgresql` package (packages/db/scripts/pg-test-cluster.sh) and always stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const clusterScript = path.join(root, 'packages/db/scripts/pg-test-cluster.sh');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };

/** Async, so that Ctrl+C reaches the handler below and the cluster is stopped. */
function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
}

/** Starts the throw-away cluster; returns its URL and a stop function. */
function startCluster() {
  if (!postgresInstalled()) {
    console.error(
      'test:postgres needs a PostgreSQL server: set TEST_DATABASE_URL=postgres://user@host:port/db ' +
        "(a user with CREATEDB), or install Debian's postgresql package (apt-get install -y " +
        'postgresql) and this command starts a throw-away cluster itself.',
    );
    process.exit(1);
  }
  const clusterEnv = { ...env, PG_TEST_DIR: mkdtempSync(path.join(tmpdir(), 'newsroom-pg-')) };
  const started = spawnSync('sh', [clusterScript, 'start'], {
    env: clusterEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (started.status !== 0) process.exit(started.status ?? 1);
  const stop = () => spawnSync('sh', [clusterScript, 'stop'], { env: clusterEnv, stdio: 'ignore' });
  return { url: started.stdout.trim(), stop };
}

const cluster = process.env.TEST_DATABASE_URL ? null : startCluster();
const serverUrl = process.env.TEST_DATABASE_URL ?? cluster.url;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cluster?.stop();
    process.exit(130);
  });
}

const suites = [
  ['unit/integration (turbo run test)', 'npx', ['turbo', 'run', 'test', '--output-logs=new-only']],
  ['e2e', 'npm', ['run', 'e2e']],
];
const failed = [];
for (const [name, command, args] of suites) {
  console.log(`\n--- test:postgres: ${name}`);
  if ((await run(command, args, { TEST_DATABASE_URL: serverUrl })) !== 0) failed.push(name);
}
cluster?.stop();
if (failed.length > 0) {
  console.error(`\ntest:postgres: failed on PostgreSQL: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\ntest:postgres: all suites passed on PostgreSQL.');
