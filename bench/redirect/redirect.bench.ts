/**
 * The redirect hot path, three scenarios in one run (same machine, same load generator):
 *  (a) a bare node:http server answering 301 from a Map: the ceiling;
 *  (b) the shortener (server.ts, production build) for cached codes;
 *  (c) the shortener for codes spread over 100,000 links (cache misses read the database).
 * Servers are pinned to CPU 0 and the load generator to the others when `taskset` is available.
 * The database: BENCH_DATABASE_URL = a PostgreSQL server (user with CREATEDB) on which a fresh
 * database is created, migrated and dropped (`npm run bench:postgres`); else DATABASE_URL (already
 * migrated) as it is; else a temporary SQLite file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createDb, isPostgres, redactUrl } from '@newsroom/db';
import { applyPendingMigrations, prepareDatabase } from '@newsroom/db/migrate';
import { createEmptyPostgresDatabase } from '@newsroom/db/testing';
import { freePort } from '@newsroom/testing';
import {
  VISIT_SERVER_ENV,
  checkVisitDetails,
  createVisitMix,
  deleteVisitLinks,
  seedVisitLinks,
  sendExactVisits,
} from './visit-details';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const shortenerDir = path.join(repoRoot, 'apps/shortener');

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_REDIRECT_SECONDS ?? 10);
const WARM_UP_S = 2;
const HOT_CODES = 1_000;
const SPREAD_CODES = 100_000;
const BATCH = 1_000;

const canPin = availableParallelism() >= 2 && spawnSync('taskset', ['--version']).status === 0;

/** Starts a server on CPU 0 and waits until it prints `readyText`. */
async function startPinned(args: string[], cwd: string, env: NodeJS.ProcessEnv, readyText: string) {
  const command = canPin ? 'taskset' : process.execPath;
  const fullArgs = canPin ? ['-c', '0', process.execPath, ...args] : args;
  const child = spawn(command, fullArgs, {
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
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Server exited (${code}):\n${output}`)));
  });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

type Figures = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  redirects: number;
};

async function load(
  name: string,
  baseUrl: string,
  nextPath: () => string | { path: string; headers: Record<string, string> },
  seconds: number,
): Promise<Figures> {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const next = nextPath();
          if (typeof next === 'string') request.path = next;
          else Object.assign(request, next);
          return request;
        },
      },
    ],
  });
  const redirects = result['3xx'];
  // Anything but a redirect is an error here (a 404 would mean a seeding or cache bug).
  const wrongStatus = result['1xx'] + result['2xx'] + result['4xx'] + result['5xx'];
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + wrongStatus,
    requests: redirects + wrongStatus,
    redirects,
  };
}

function cycle(paths: string[]) {
  let index = 0;
  return () => paths[index++ % paths.length]!;
}

function randomOf(paths: string[]) {
  return () => paths[Math.floor(Math.random() * paths.length)]!;
}

/** 100,000 links in 1,000-row INSERTs: seconds instead of minutes through the ORM. */
async function seedLinks(databaseUrl: string) {
  const db = createDb(databaseUrl);
  await db.$executeRawUnsafe(`DELETE FROM "ShortLink" WHERE "id" LIKE 'bench-%'`);
  const now = new Date().toISOString();
  const started = performance.now();
  for (let start = 0; start < SPREAD_CODES; start += BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(start + BATCH, SPREAD_CODES); index += 1) {
      rows.push(
        `('bench-${index}', 'bench${index}', 'https://example.com/article/${index}', 302, false, '${now}', '${now}')`,
      );
    }
    await db.$executeRawUnsafe(
      `INSERT INTO "ShortLink" ("id", "code", "url", "redirectType", "disabled", "createdAt", "updatedAt") VALUES ${rows.join(',')}`,
    );
  }
  console.log(
    `Seeded ${SPREAD_CODES.toLocaleString('en')} links in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return db;
}

function printTable(rows: Figures[], ceiling: Figures) {
  const pad = (value: string, width: number) => value.padStart(width);
  console.log(
    `\n${'scenario'.padEnd(34)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}${pad('vs (a)', 9)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(34)}${pad(Math.round(row.rps).toLocaleString('en'), 10)}${pad(String(row.p50), 9)}${pad(String(row.p99), 9)}${pad(String(row.errors), 8)}${pad((row.rps / ceiling.rps).toFixed(2), 9)}`,
    );
  }
}

async function main() {
  if (!existsSync(path.join(shortenerDir, '.next', 'BUILD_ID'))) {
    throw new Error('Build the shortener first: npx turbo run build --filter=@newsroom/shortener');
  }
  if (canPin)
    spawnSync('taskset', ['-a', '-pc', `1-${availableParallelism() - 1}`, String(process.pid)]);
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per scenario (after ${WARM_UP_S} s warm-up); ` +
      (canPin
        ? 'servers on CPU 0, load generator on the others'
        : 'no CPU pinning (taskset or 2 CPUs missing)'),
  );

  const database = await benchDatabase();
  const databaseUrl = database.url;
  console.log(`Database: ${database.label}`);
  const db = await seedLinks(databaseUrl);
  await seedVisitLinks(db);

  const hotPaths = Array.from({ length: HOT_CODES }, (_, index) => `/hot${index}`);
  const results: Figures[] = [];

  // (a) the ceiling
  const barePort = await freePort();
  const bare = await startPinned(
    [path.join(here, 'bare-server.ts')],
    here,
    { PORT: String(barePort), NODE_OPTIONS: '--import tsx' },
    'ready',
  );
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await load('warm-up', bareUrl, cycle(hotPaths), WARM_UP_S);
  results.push(await load('(a) bare node:http, Map, 301', bareUrl, cycle(hotPaths), DURATION_S));
  await stop(bare);

  // (b) and (c): the shortener
  const port = await freePort();
  const shortener = await startPinned(
    ['--import', 'tsx', 'server.ts'],
    shortenerDir,
    {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      SHORTENER_PORT: String(port),
      SHORTENER_URL: `http://127.0.0.1:${port}`,
      ...VISIT_SERVER_ENV,
    },
    'Shortener ready',
  );
  const shortenerUrl = `http://127.0.0.1:${port}`;
  const cachedPaths = Array.from({ length: HOT_CODES }, (_, index) => `/bench${index}`);
  const spreadPaths = Array.from({ length: SPREAD_CODES }, (_, index) => `/bench${index}`);
  /** Warm-ups included: every redirect of the shortener counts a click. */
  const shortenerRuns: Figures[] = [];
  // (d) counts into its own links (visit-…), checked apart by checkVisitDetails.
  const visitMix = createVisitMix();
  const visitRuns: Figures[] = [];
  let exactVisits = new Map<string, number>();
  try {
    shortenerRuns.push(await load('warm-up', shortenerUrl, cycle(cachedPaths), WARM_UP_S));
    results.push(
      await load('(b) shortener, cached codes', shortenerUrl, cycle(cachedPaths), DURATION_S),
    );
    visitRuns.push(await load('warm-up', shortenerUrl, visitMix.next, WARM_UP_S));
    visitRuns.push(
      await load('(d) shortener, visit details', shortenerUrl, visitMix.next, DURATION_S),
    );
    exactVisits = await sendExactVisits(shortenerUrl);
    shortenerRuns.push(await load('warm-up', shortenerUrl, randomOf(spreadPaths), WARM_UP_S));
    results.push(
      await load('(c) shortener, 100,000 codes', shortenerUrl, randomOf(spreadPaths), DURATION_S),
    );
  } finally {
    await stop(shortener);
  }

  const [ceiling, cached, spread] = results as [Figures, Figures, Figures];
  shortenerRuns.push(cached, spread);
  const redirected = shortenerRuns.reduce((sum, run) => sum + run.redirects, 0);
  const visits = visitRuns[1]!;
  printTable([...results, visits], ceiling);
  const clicks = await db.$queryRawUnsafe<{ total: bigint | number | null }[]>(
    `SELECT SUM("count") AS total FROM "ClickDay" WHERE "linkId" LIKE 'bench-%'`,
  );
  const counted = Number(clicks[0]?.total ?? 0);
  console.log(
    `\nratio b/a = ${(cached.rps / ceiling.rps).toFixed(2)} (goal ≥ 0.5), c/a = ${(spread.rps / ceiling.rps).toFixed(2)}`,
  );
  console.log(
    `clicks written by the shortener (warm-ups included): ${counted.toLocaleString('en')} ` +
      `of ${redirected.toLocaleString('en')} redirects seen by autocannon`,
  );
  const visitCheck = await checkVisitDetails(db, {
    mix: visitMix,
    redirects: visitRuns.reduce((sum, run) => sum + run.redirects, 0),
    inFlight: CONNECTIONS * visitRuns.length,
    exact: exactVisits,
  });
  console.log(`ratio d/b = ${(visits.rps / cached.rps).toFixed(2)} (goal ≥ 0.8, visit details)`);
  console.log(visitCheck.lines.join('\n'));
  const goals = [
    ['b/a ≥ 0.5', cached.rps / ceiling.rps >= 0.5],
    ['zero errors', results.every((row) => row.errors === 0)],
    // autocannon stops counting with up to CONNECTIONS requests in flight per run, which the
    // server still answers (and counts).
    [
      'every click written',
      counted >= redirected && counted <= redirected + CONNECTIONS * shortenerRuns.length,
    ],
    ['p99 < 10 ms (b)', cached.p99 < 10],
    ['p99 < 10 ms (c)', spread.p99 < 10],
    ['d/b ≥ 0.8', visits.rps / cached.rps >= 0.8],
    ['visit details exact', visitCheck.ok && visits.errors === 0],
  ] as const;
  console.log(goals.map(([goal, met]) => `${met ? '✓' : '✗'} ${goal}`).join('   '));

  await db.$executeRawUnsafe(`DELETE FROM "ShortLink" WHERE "id" LIKE 'bench-%'`);
  await deleteVisitLinks(db);
  await db.$disconnect();
  await database.cleanup();
}

/** Where the links live for this run (see the header comment), ready to seed. */
async function benchDatabase(): Promise<{
  url: string;
  label: string;
  cleanup: () => Promise<void>;
}> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    if (!isPostgres(server)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL');
    const { url, drop } = await createEmptyPostgresDatabase(server);
    await applyPendingMigrations(url); // what `npm run db:deploy` does
    return { url, label: `PostgreSQL, fresh database on ${redactUrl(server)}`, cleanup: drop };
  }
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    await prepareDatabase(url);
    return { url, label: `DATABASE_URL ${redactUrl(url)}`, cleanup: async () => undefined };
  }
  const tempDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-'));
  const url = `file:${path.join(tempDir, 'bench.db')}`;
  await prepareDatabase(url);
  return {
    url,
    label: 'SQLite (temporary file)',
    cleanup: async () => rmSync(tempDir, { recursive: true, force: true }),
  };
}

// Exit explicitly: the migration engine leaves a long timer pending after a PostgreSQL deploy.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
