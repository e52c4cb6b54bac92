// The servers a scenario measures, each started fresh on the server CPU. BENCH_CPU_PROF=<dir>
// starts them with `node --cpu-prof` (one .cpuprofile per server, written when it stops).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@newsroom/testing';
import { SERVER_CPU, pinnedCommand } from './cpu-pinning';

const here = path.dirname(fileURLToPath(import.meta.url));
export const shortenerDir = path.resolve(here, '../../apps/shortener');

export type BenchServer = { url: string; pid: number | undefined; stop: () => Promise<void> };
export type ServerKind = 'bare' | 'shortener';

function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

/** Starts a server on the server CPU and waits until it prints `readyText`. */
async function startPinned(
  nodeArgs: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  readyText: string,
): Promise<ChildProcess> {
  const [command, args] = pinnedCommand(SERVER_CPU, [
    process.execPath,
    ...profileFlags(),
    ...nodeArgs,
  ]);
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // The server's own account of its start (e.g. how many links it warmed the cache with).
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/warmed/i.test(line)) console.log(`  server: ${line.trim()}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`Server exited (${code}):\n${output}`)));
  });
  return child;
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** The ceiling: node:http answering 301 from a Map of the same codes. */
export async function startBareServer(codes: number): Promise<BenchServer> {
  const port = await freePort();
  const child = await startPinned(
    ['--import', 'tsx', path.join(here, 'bare-server.ts')],
    here,
    { PORT: String(port), BARE_CODES: String(codes) },
    'ready',
  );
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: stopper(child) };
}

/** The shortener as production runs it (server.ts in front of the built Next.js app). */
export async function startShortenerServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const child = await startPinned(
    ['--import', 'tsx', 'server.ts'],
    shortenerDir,
    {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      SHORTENER_PORT: String(port),
      SHORTENER_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    'Shortener ready',
  );
  const url = `http://127.0.0.1:${port}`;
  // As in production, where the API and staff pages are used: Next.js has served a request.
  const page = await fetch(`${url}/login`);
  await page.text();
  if (page.status !== 200) throw new Error(`The shortener's /login answered ${page.status}`);
  return { url, pid: child.pid, stop: stopper(child) };
}
