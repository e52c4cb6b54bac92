// A Redis server for test:postgres: the one given in an environment variable, or a throw-away
// server from Debian's `redis-server` package (packages/shared-state/scripts/redis-test-server.sh)
// that `stop` deletes again. Ctrl+C and SIGTERM stop it too.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startThrowAwayServer } from './throw-away-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const serverScript = path.join(root, 'packages/shared-state/scripts/redis-test-server.sh');

function redisInstalled() {
  return spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0;
}

/** `{ url, stop }` for the server in `process.env[variable]`, or for a new throw-away server. */
export function redisServer(variable, command) {
  const given = process.env[variable];
  if (given) return { url: given, stop: () => undefined };
  if (!redisInstalled()) {
    console.error(
      `${command} needs a Redis server to prove scale-out: set ${variable}=redis://host:port, or ` +
        "install Debian's redis-server package (apt-get install -y redis-server) and this command " +
        'starts a throw-away server itself.',
    );
    process.exit(1);
  }
  return startThrowAwayServer(serverScript, 'REDIS_TEST_DIR', 'newsroom-redis-');
}
