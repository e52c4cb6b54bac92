// Starts the real editor (server.ts + the built Next.js app) as a child process on a free port,
// against a given database: integration tests talk to it over real HTTP.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@newsroom/testing';

export const appDir = path.resolve(import.meta.dirname, '../..');

export type EditorProcess = {
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
};

export function assertBuilt() {
  if (!existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
    throw new Error('The editor is not built: run `npx turbo run build --filter=@newsroom/editor`');
  }
}

export async function startEditor(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<EditorProcess> {
  assertBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-editor-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEWSROOM_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      EDITOR_PORT: String(port),
      EDITOR_URL: url,
      // The short-link service is not part of these tests.
      SHORTENER_URL: 'http://127.0.0.1:9',
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
    const timer = setTimeout(() => reject(new Error(`Editor did not start:\n${output}`)), 90_000);
    child.stdout?.on('data', () => {
      if (!output.includes('Editor ready on')) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Editor exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
