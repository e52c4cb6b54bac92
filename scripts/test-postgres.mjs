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

// Lines that name what failed: repeated at the very end, since CI logs are often read from the
// tail, and the unit suites' failures would otherwise sit thousands of lines above it.
// A timeout or a server that did not start is named too: its FAIL line alone says only which file.
// So is a line that starts with `SomethingError: message` (after turbo's "@pkg:task: "): vitest's
// reason for a failure, such as an assertion's diff or "fetch failed".
const FAILURE_LINE =
  /\b(FAIL\b|Failed:|timed out\b|before it was ready|did not print ")|[×✘✗]|^(\S+: )?\s*[A-Z]\w*Error: /;
// Colour codes are taken out before matching: "\x1b[1mAssertionError" has no word boundary.
const COLOUR_CODE = /\x1b\[[0-9;]*m/g;
const MAX_REPEATED_LINES = 80;

/**
 * Runs one suite with its output passed through and kept. Async, so that Ctrl+C reaches
 * postgresServer's handler and the cluster is stopped. Resolves to `{ code, failureLines }`.
 */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
    const failureLines = [];
    const keep = (target) => {
      let partial = '';
      return (chunk) => {
        target.write(chunk);
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const plain = line.replace(COLOUR_CODE, '');
          if (FAILURE_LINE.test(plain)) failureLines.push(plain);
        }
      };
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('exit', (code) => resolve({ code: code ?? 1, failureLines }));
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
  const { code, failureLines } = await run(command, args);
  if (code !== 0) failed.push({ name, failureLines });
}
server.stop();
redis.stop();
if (failed.length > 0) {
  for (const { name, failureLines } of failed) {
    console.error(`\n--- test:postgres: what failed in ${name}`);
    for (const line of failureLines.slice(0, MAX_REPEATED_LINES)) console.error(line);
  }
  console.error(`\ntest:postgres: failed on PostgreSQL: ${failed.map((f) => f.name).join(', ')}`);
  process.exit(1);
}
console.log('\ntest:postgres: all suites passed on PostgreSQL.');
