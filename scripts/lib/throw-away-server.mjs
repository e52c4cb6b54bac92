// Starts a throw-away server with one of the project's start/stop scripts (pg-test-cluster.sh,
// redis-test-server.sh) in a fresh temp folder, and stops it again on `stop`, Ctrl+C or SIGTERM.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `{ url, stop }`; `dirVariable` names the folder variable the script reads. */
export function startThrowAwayServer(script, dirVariable, prefix) {
  const env = { ...process.env, [dirVariable]: mkdtempSync(path.join(tmpdir(), prefix)) };
  const started = spawnSync('sh', [script, 'start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (started.status !== 0) process.exit(started.status ?? 1);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync('sh', [script, 'stop'], { env, stdio: 'ignore' });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: started.stdout.trim(), stop };
}
