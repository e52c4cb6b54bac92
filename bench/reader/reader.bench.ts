/**
 * The reader article page on a cache hit, against a bare node:http server answering the same
 * bytes, in one run: each server alone on CPU 0, the load generator (autocannon, its own process,
 * reporting its own CPU use) on CPU 1, 100 connections, order A B A B. Then the time from
 * "Update" of the live article (its working copy saved first) to its new text being served.
 * The editor runs as in production (server.ts + the Next.js build) on a seeded SQLite file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE_STATUS } from '@newsroom/article';
import { createSession, SESSION_COOKIE } from '@newsroom/auth';
import { createDb } from '@newsroom/db';
import { freePort } from '@newsroom/testing';
import { processCpuMs } from '../redirect/process-cpu';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const editorDir = path.join(repoRoot, 'apps/editor');

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_READER_SECONDS ?? 10);
const WARM_UP_S = 2;
const UPDATES = 10;
const GOAL = { ratio: 0.5, floor: 0.25, p99Ms: 25, updateMs: 1_000 };

const canPin = availableParallelism() >= 2 && spawnSync('taskset', ['--version']).status === 0;

type Figures = {
  /** The server's own CPU per 1,000 answers (all threads, from /proc): no generator in it. */
  serverCpuMsPer1000?: number;
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  bytesPerSecond: number;
  generatorCpu: number;
};

function pinned(cpu: number, args: string[]): [string, string[]] {
  return canPin
    ? ['taskset', ['-c', String(cpu), process.execPath, ...args]]
    : [process.execPath, args];
}

/** Starts a server on CPU 0 and waits until it prints `readyText`. */
async function startServer(args: string[], cwd: string, env: NodeJS.ProcessEnv, readyText: string) {
  const [command, fullArgs] = pinned(0, args);
  const child = spawn(command, fullArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 120_000);
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

/** autocannon in its own process on CPU 1. */
function load(url: string, seconds: number): Figures {
  const [command, args] = pinned(1, [
    '--import',
    'tsx',
    path.join(here, 'load.ts'),
    url,
    String(CONNECTIONS),
    String(seconds),
  ]);
  const result = spawnSync(command, args, { cwd: here, encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`Load generator failed:\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(line) as Figures;
}

/** A warm-up, then the measured run, with the server's CPU time read around it. */
function measure(url: string, server: ChildProcess): Figures {
  load(url, WARM_UP_S);
  const cpuBefore = processCpuMs(server.pid);
  const figures = load(url, DURATION_S);
  const cpuAfter = processCpuMs(server.pid);
  if (cpuBefore === undefined || cpuAfter === undefined || figures.requests === 0) return figures;
  return { ...figures, serverCpuMsPer1000: ((cpuAfter - cpuBefore) / figures.requests) * 1000 };
}

/** A generator at (nearly) all of its core caps req/s: then only the CPU ratio says anything. */
const GENERATOR_SATURATED = 0.95;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function seed(env: NodeJS.ProcessEnv) {
  const result = spawnSync('npm', ['run', 'db:seed', '--silent'], {
    cwd: repoRoot,
    env,
    stdio: 'pipe',
  });
  if (result.status !== 0) throw new Error(`Seeding failed:\n${result.stderr.toString()}`);
}

/** Saves the live article with a new sentence, presses "Update", and waits until the page serves it. */
async function updateToServed(editorUrl: string, databaseUrl: string, articlePath: string) {
  const db = createDb(databaseUrl);
  try {
    const row = await db.article.findFirstOrThrow({
      where: { status: ARTICLE_STATUS.published, slug: articlePath.split('/').pop() },
    });
    const admin = await db.user.findFirstOrThrow({ where: { role: 'admin' } });
    const { token } = await createSession(db, admin.id);
    const headers = {
      cookie: `${SESSION_COOKIE}=${token}`,
      origin: editorUrl,
      'content-type': 'application/json',
    };
    const api = `${editorUrl}/api/newsroom/articles/${row.id}`;
    const timings: number[] = [];
    for (let round = 0; round < UPDATES; round += 1) {
      const { article } = (await (await fetch(api, { headers })).json()) as {
        article: Record<string, unknown> & { body: { content: unknown[] }; related: unknown[] };
      };
      const marker = `Update number ${round} at ${Date.now()}.`;
      const body = {
        ...article.body,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: marker }] },
          ...article.body.content.slice(1),
        ],
      };
      const related = (article.related as Record<string, unknown>[]).map((entry) =>
        'articleId' in entry
          ? { articleId: entry.articleId }
          : { title: entry.title, url: entry.url },
      );
      const saved = await fetch(api, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...article, baseVersion: article.version, body, related }),
      });
      if (!saved.ok) throw new Error(`Save failed: ${saved.status} ${await saved.text()}`);
      const { article: workingCopy } = (await saved.json()) as { article: { version: number } };
      // The autosave above changed the working copy only; "Update" makes it what readers get.
      const startedAt = performance.now();
      const updated = await fetch(`${api}/publish`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ baseVersion: workingCopy.version }),
      });
      if (!updated.ok) throw new Error(`Update failed: ${updated.status} ${await updated.text()}`);
      while (!(await (await fetch(`${editorUrl}${articlePath}`)).text()).includes(marker)) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      timings.push(performance.now() - startedAt);
    }
    return timings;
  } finally {
    await db.$disconnect();
  }
}

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-reader-'));
  const databaseUrl = `file:${path.join(dataDir, 'bench.db')}`;
  const [editorPort, barePort] = [await freePort(), await freePort()];
  const editorUrl = `http://127.0.0.1:${editorPort}`;
  const env = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEWSROOM_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    EDITOR_PORT: String(editorPort),
    EDITOR_URL: editorUrl,
    SEED_ADMIN_EMAIL: 'bench@newsroom.test',
    SEED_ADMIN_PASSWORD: 'bench-admin-password',
  };
  const children: ChildProcess[] = [];
  try {
    seed({ ...process.env, ...env });
    const editor = await startServer(
      ['--import', 'tsx', 'server.ts'],
      editorDir,
      env,
      'Editor ready on',
    );
    children.push(editor);

    // The seed article (26 KB of HTML), as readers get it: rendered once, then from the cache.
    const home = await (await fetch(`${editorUrl}/`)).text();
    const articlePath = /href="(\/military-intelligence\/[^"]+)"/.exec(home)?.[1];
    if (!articlePath) throw new Error('The seed article is not on the home page');
    await (await fetch(`${editorUrl}${articlePath}`)).text();
    const hit = await fetch(`${editorUrl}${articlePath}`);
    if (hit.headers.get('x-cache') !== 'hit') throw new Error('The article page is not cached');
    const page = Buffer.from(await hit.arrayBuffer());
    const pageFile = path.join(dataDir, 'page.html');
    writeFileSync(pageFile, page);
    const bare = await startServer(
      ['--import', 'tsx', path.join(here, 'bare-server.ts')],
      here,
      { PORT: String(barePort), PAGE_FILE: pageFile },
      'ready',
    );
    children.push(bare);

    console.log(
      `autocannon (own process${canPin ? ', CPU 1' : ''}): ${CONNECTIONS} connections, ` +
        `${DURATION_S} s per run after ${WARM_UP_S} s warm-up, order A B A B; servers ` +
        `${canPin ? 'alone on CPU 0' : 'unpinned (taskset or 2 CPUs missing)'}; ` +
        `page ${page.length} bytes (${articlePath})`,
    );
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    const cacheUrl = `${editorUrl}${articlePath}`;
    const runs = { bare: [] as Figures[], cache: [] as Figures[] };
    for (let round = 0; round < 2; round += 1) {
      runs.bare.push(measure(bareUrl, bare));
      runs.cache.push(measure(cacheUrl, editor));
    }
    const best = (list: Figures[]) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
    const [a, b] = [best(runs.bare), best(runs.cache)];
    const ratio = b.rps / a.rps;
    const errors = [...runs.bare, ...runs.cache].reduce((sum, run) => sum + run.errors, 0);
    const rows = [
      ['bare node:http, same bytes', a],
      ['editor, article page (cache hit)', b],
    ] as const;
    const cpu = (figures: Figures) => figures.serverCpuMsPer1000?.toFixed(1) ?? '–';
    console.log(
      '\n| server | req/s | p50 | p99 | errors | generator CPU | server CPU ms / 1,000 |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, figures] of rows) {
      console.log(
        `| ${name} | ${Math.round(figures.rps).toLocaleString('en')} | ${figures.p50} ms | ` +
          `${figures.p99} ms | ${figures.errors} | ${Math.round(figures.generatorCpu * 100)}% | ` +
          `${cpu(figures)} |`,
      );
    }
    if (a.serverCpuMsPer1000 && b.serverCpuMsPer1000) {
      console.log(
        `server CPU per answer, bare/cache: ${(a.serverCpuMsPer1000 / b.serverCpuMsPer1000).toFixed(2)}× ` +
          '(the ratio that does not depend on the generator)',
      );
    }
    if (Math.max(a.generatorCpu, b.generatorCpu) >= GENERATOR_SATURATED) {
      console.log(
        'the generator used all of its core: req/s measured it, not the servers; read the CPU ratio',
      );
    }
    console.log(
      `\nratio cache/bare: ${ratio.toFixed(2)}× (goal ≥ ${GOAL.ratio}×: ${mark(ratio >= GOAL.ratio)}; ` +
        `floor ${GOAL.floor}×: ${mark(ratio >= GOAL.floor)}); p99 ${b.p99} ms (goal < ${GOAL.p99Ms} ms: ` +
        `${mark(b.p99 < GOAL.p99Ms)}); errors ${errors} (goal 0: ${mark(errors === 0)})`,
    );
    console.log(
      `each run: bare ${runs.bare.map((r) => Math.round(r.rps)).join(', ')} req/s; ` +
        `cache ${runs.cache.map((r) => Math.round(r.rps)).join(', ')} req/s`,
    );

    const timings = await updateToServed(editorUrl, databaseUrl, articlePath);
    const worst = Math.max(...timings);
    console.log(
      `\n"Update" of the live article → new text served (${UPDATES} updates): median ` +
        `${median(timings).toFixed(1)} ms, max ${worst.toFixed(1)} ms ` +
        `(goal ≤ ${GOAL.updateMs} ms: ${mark(worst <= GOAL.updateMs)})`,
    );
    if (ratio < GOAL.floor || errors > 0) process.exitCode = 1;
  } finally {
    await Promise.all(children.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
