// `npm run bench:postgres`: the redirect benchmark with the shortener on PostgreSQL. The bench
// creates a fresh database on the server in BENCH_DATABASE_URL (user with CREATEDB), migrates it,
// and drops it afterwards; without BENCH_DATABASE_URL a throw-away cluster is started and stopped.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { postgresServer } from './lib/postgres-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const server = postgresServer('BENCH_DATABASE_URL', 'bench:postgres');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  BENCH_DATABASE_URL: server.url,
};
delete env.DATABASE_URL; // the bench would use that database as it is

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

let status = await run('npx', ['turbo', 'run', 'build', '--filter=@newsroom/shortener']);
if (status === 0) status = await run('npx', ['tsx', 'bench/run.ts', 'redirect']);
server.stop();
process.exit(status);
