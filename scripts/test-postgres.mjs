// `npm run test:postgres`: the unit/integration suites and the e2e journeys against PostgreSQL.
// Uses the server in TEST_DATABASE_URL (its user needs CREATEDB: every test file and the e2e run
// create and drop their own databases), or, when it is not set, starts a throw-away cluster with
// Debian's `postgresql` package (packages/db/scripts/pg-test-cluster.sh) and always stops it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { postgresServer } from './lib/postgres-server.mjs';
import { redisServer } from './lib/redis-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const server = postgresServer('TEST_DATABASE_URL', 'test:postgres');
// Scale-out tests run their multi-instance cases twice: with the database as the shared store and
// with this Redis (TEST_REDIS_URL); the apps themselves only use Redis when REDIS_URL is set.
const redis = redisServer('TEST_REDIS_URL', 'test:postgres');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  TEST_DATABASE_URL: server.url,
  TEST_REDIS_URL: redis.url,
};

/** Async, so that Ctrl+C reaches postgresServer's handler and the cluster is stopped. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const suites = [
  [
    'unit/integration (turbo run test)',
    'npx',
    ['turbo', 'run', 'test', '--continue', '--output-logs=new-only'],
  ],
  ['e2e', 'npm', ['run', 'e2e']],
];
const failed = [];
for (const [name, command, args] of suites) {
  console.log(`\n--- test:postgres: ${name}`);
  if ((await run(command, args)) !== 0) failed.push(name);
}
server.stop();
redis.stop();
if (failed.length > 0) {
  console.error(`\ntest:postgres: failed on PostgreSQL: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\ntest:postgres: all suites passed on PostgreSQL.');
