// Starts the real shortener (server.ts + the built Next.js app) as a child process on a free
// port, against a given database: integration tests talk to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@newsroom/testing';

export const appDir = path.resolve(import.meta.dirname, '../..');

export type ShortenerProcess = {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export function assertBuilt() {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error(
      'The shortener is not built: run `npx turbo run build --filter=@newsroom/shortener`',
    );
  }
}

export async function startShortener(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ShortenerProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      SHORTENER_PORT: String(port),
      SHORTENER_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Shortener did not start:\n${output}`)),
      60_000,
    );
    const onData = () => {
      if (!output.includes('Shortener ready on')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Shortener exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    child,
    exited,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
