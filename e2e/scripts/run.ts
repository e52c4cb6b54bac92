// `npm run test --workspace e2e`: runs the Playwright journeys against a throw-away database and
// both apps on free ports. Ports are chosen here, once, because Playwright evaluates its config in
// every worker process and each evaluation would otherwise pick different ports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'));
const [editorPort, shortenerPort] = [await freePort(), await freePort()];
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEWSROOM_DATA_DIR: dataDir,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${path.join(dataDir, 'e2e.db')}`,
  SEED_ADMIN_EMAIL: 'admin@newsroom.test',
  SEED_ADMIN_PASSWORD: 'e2e-admin-password',
  EDITOR_PORT: String(editorPort),
  SHORTENER_PORT: String(shortenerPort),
  EDITOR_URL: `http://127.0.0.1:${editorPort}`,
  SHORTENER_URL: `http://127.0.0.1:${shortenerPort}`,
};

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, env, stdio: 'inherit' }).status ?? 1;
}

let status = run('npm', ['run', 'db:seed', '--silent'], repoRoot);
if (status === 0) {
  status = run(
    'npx',
    ['playwright', 'test', ...process.argv.slice(2)],
    import.meta.dirname + '/..',
  );
}
rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
