// Starts one of the apps as deployed (its server.ts in front of the built Next.js app) in a child
// process on a free port, against a given database: integration tests talk to it over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';
import { APP_READY_WITHIN_MS } from './waiting';

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
  /**
   * The port, when the caller must know it before the server starts (two apps that name each
   * other); by default a free one is picked, and picked again if another process takes it first.
   */
  port?: number;
  env?: Record<string, string>;
};

/** Ports tried: another process can take a free port before the server binds it. */
const PORT_ATTEMPTS = 3;

class PortTakenError extends Error {}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  if (!existsSync(path.join(options.appDir, '.next', 'BUILD_ID')))
    throw new Error(
      `${options.appDir} is not built: run \`npx turbo run build --filter=./apps/*\` first`,
    );
  if (options.port !== undefined) return startOnPort(options, options.port);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(options, await freePort());
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

async function startOnPort(options: AppServerOptions, port: number): Promise<AppServer> {
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
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.appDir} did not print "${options.readyText}" within ${APP_READY_WITHIN_MS / 1000} s:\n${output}`,
        ),
      );
    }, APP_READY_WITHIN_MS);
    child.stdout?.on('data', () => {
      if (!output.includes(options.readyText)) return;
      clearTimeout(deadline);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(deadline);
      const message = `${options.appDir} exited with ${code} before it was ready:\n${output}`;
      reject(output.includes('EADDRINUSE') ? new PortTakenError(message) : new Error(message));
    });
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
  const [editor, shortener] = await startTogether([
    () => startApp('editor', databaseUrl, { env }),
    () => startApp('shortener', databaseUrl, { env }),
  ]);
  return { editor, shortener };
}

/**
 * Starts servers side by side; when one fails, stops those that started, so no process outlives
 * the test that wanted them, and throws the first failure.
 */
export async function startTogether<Servers extends readonly Stoppable[]>(starts: {
  readonly [Index in keyof Servers]: () => Promise<Servers[Index]>;
}): Promise<Servers> {
  const results = await Promise.allSettled(starts.map((start) => start()));
  const started = results.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (!failure) return started as unknown as Servers; // in order: none is missing
  await Promise.all(started.map((server) => server.stop()));
  throw failure.reason;
}

type Stoppable = { stop: () => Promise<unknown> };
