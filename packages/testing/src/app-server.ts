// Starts one of the apps as deployed (its server.ts in front of the built Next.js app) in a child
// process on a free port, against a given database: integration tests talk to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

export type AppServer = {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export type AppServerOptions = {
  /** The app's folder (holding server.ts and .next). */
  appDir: string;
  /** The environment variable naming the port (EDITOR_PORT, SHORTENER_PORT). */
  portVariable: string;
  /** Printed on stdout once the server listens. */
  readyText: string;
  databaseUrl: string;
  /** An environment variable to set to the server's own URL (e.g. SHORTENER_URL), if any. */
  urlVariable?: string;
  env?: Record<string, string>;
};

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  if (!existsSync(path.join(options.appDir, '.next', 'BUILD_ID')))
    throw new Error(
      `${options.appDir} is not built: run \`npx turbo run build --filter=./apps/*\` first`,
    );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: options.appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.databaseUrl,
      [options.portVariable]: String(port),
      ...(options.urlVariable ? { [options.urlVariable]: url } : {}),
      ...options.env,
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
    const onData = () => {
      if (output.includes(options.readyText)) resolve();
    };
    child.stdout?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`${options.appDir} exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return {
    url,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

const appsDir = path.resolve(import.meta.dirname, '../../../apps');

/** How each app of the monorepo is started: its folder, port variable and the line it prints when ready. */
export const APPS = {
  editor: {
    appDir: path.join(appsDir, 'editor'),
    portVariable: 'EDITOR_PORT',
    readyText: 'Editor ready on',
  },
  shortener: {
    appDir: path.join(appsDir, 'shortener'),
    portVariable: 'SHORTENER_PORT',
    readyText: 'Shortener ready on',
  },
} as const satisfies Record<string, Omit<AppServerOptions, 'databaseUrl'>>;

export type AppName = keyof typeof APPS;

/** Starts one app of the monorepo (see startAppServer) against `databaseUrl`. */
export function startApp(
  name: AppName,
  databaseUrl: string,
  options: Omit<AppServerOptions, keyof (typeof APPS)[AppName] | 'databaseUrl'> = {},
): Promise<AppServer> {
  return startAppServer({ ...APPS[name], databaseUrl, ...options });
}

/** Starts the editor and the shortener side by side, both against `databaseUrl`. */
export async function startBothApps(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ editor: AppServer; shortener: AppServer }> {
  const [editor, shortener] = await Promise.all([
    startApp('editor', databaseUrl, { env }),
    startApp('shortener', databaseUrl, { env }),
  ]);
  return { editor, shortener };
}
