/**
 * The redirect hot path against its ceiling, one scenario per file in ./scenarios (a bare
 * node:http server, the shortener for cached codes, for 100,000 codes, …), each on a fresh server.
 *
 * Method (so that the load generator is never what is measured): each server runs alone on CPU 0,
 * the generator in its own process on CPU 1 (taskset): wrk when installed (a fraction of
 * autocannon's CPU per request: see wrk-run.ts), else autocannon; 100 connections, warm-up then a
 * measured run. Two figures per scenario: req/s as the generator sees them, and the server's own CPU time
 * per 1,000 answers (read from /proc/<pid>/stat from the start of the measured run until its
 * clicks are in the database, so that writing them later is charged too), which does not depend
 * on the generator at all. The generator's CPU share is printed:
 * near 100 % means it was the limit. Then latency at a fixed rate (fixed-rate.ts says why not
 * autocannon's), which the p99 goals use.
 *
 * Environment: BENCH_REDIRECT_SECONDS (10), BENCH_REDIRECT_RATE (10000),
 * BENCH_REDIRECT_ONLY=cached,spread (ids; the bare ceiling always runs), BENCH_REDIRECT_GENERATOR
 * (wrk or autocannon; default wrk when installed), BENCH_CPU_PROF=<dir>
 * (servers write V8 CPU profiles there), and the database variables of bench-database.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDatabase, removeSeededLinks, seedLinks, seededClicks } from './bench-database';
import { GENERATOR_CPU, SERVER_CPU, canPin } from './cpu-pinning';
import {
  allRedirects,
  measureLoad,
  type LoadPlan,
  type LoadResult,
  type MeasuredLoad,
} from './load-plan';
import type { Goal, RedirectScenario, ScenarioContext } from './scenario';
import { shortenerDir, startBareServer, startShortenerServer } from './servers';
import { wrkInstalled } from './wrk-run';

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_REDIRECT_SECONDS ?? 10);
const WARM_UP_S = 3;
/**
 * The fixed rate the p99 goals are judged at: a story that spreads, 10,000 clicks a second
 * (36 million an hour), well inside every server's capacity here, so latency is the server's own.
 */
const FIXED_RATE = Number(process.env.BENCH_REDIRECT_RATE ?? 10_000);
const FIXED_RATE_S = 5;
const FIXED_RATE_WARM_UP_S = 2;
const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const GENERATOR = pickGenerator(process.env.BENCH_REDIRECT_GENERATOR);

function pickGenerator(wanted: string | undefined): LoadPlan['generator'] {
  if (wanted === undefined) return wrkInstalled ? 'wrk' : 'autocannon';
  if (wanted === 'autocannon' || (wanted === 'wrk' && wrkInstalled)) return wanted;
  throw new Error(
    wanted === 'wrk'
      ? 'BENCH_REDIRECT_GENERATOR=wrk, but wrk is not installed (apt-get install wrk)'
      : `BENCH_REDIRECT_GENERATOR must be wrk or autocannon, not "${wanted}"`,
  );
}
/** Above this share of its core, the generator (not the server) may have set the pace. */
const GENERATOR_SATURATED = 0.9;

type Row = { scenario: RedirectScenario; load: MeasuredLoad; goals: Goal[] };

async function loadScenarios(): Promise<RedirectScenario[]> {
  const dir = fileURLToPath(new URL('./scenarios', import.meta.url));
  const only = new Set(
    (process.env.BENCH_REDIRECT_ONLY ?? '').split(',').filter((id) => id.trim() !== ''),
  );
  const scenarios: RedirectScenario[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(path.join(dir, file))) as { default: RedirectScenario };
    scenarios.push(module.default);
  }
  return scenarios.filter(
    (scenario) => only.size === 0 || scenario.id === 'bare' || only.has(scenario.id),
  );
}

/** Longest wait for a run's clicks to reach the database before the bench goes on regardless. */
const SETTLE_TIMEOUT_MS = 120_000;

function clicksWritten(scenario: RedirectScenario, context: ScenarioContext): Promise<number> {
  return scenario.clicksWritten ? scenario.clicksWritten(context) : seededClicks(context.db);
}

/** Resolves once the clicks of the warm-up and the measured run are in the database. */
async function clicksWrittenFor(
  scenario: RedirectScenario,
  context: ScenarioContext,
  clicksBefore: number,
  measured: LoadResult,
): Promise<void> {
  const wanted = clicksBefore + measured.warmUpRedirects + measured.redirects;
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while ((await clicksWritten(scenario, context)) < wanted) {
    if (performance.now() > deadline) {
      console.warn(`  the run's clicks were not all written within ${SETTLE_TIMEOUT_MS} ms`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runScenario(scenario: RedirectScenario, context: ScenarioContext): Promise<Row> {
  await scenario.setup?.(context);
  const clicksBefore = await clicksWritten(scenario, context);
  const server =
    scenario.server === 'bare'
      ? await startBareServer(context.seededPaths.length)
      : await startShortenerServer(context.databaseUrl, scenario.env);
  let load: MeasuredLoad;
  try {
    load = await measureLoad(
      {
        generator: GENERATOR,
        url: server.url,
        connections: CONNECTIONS,
        warmUpSeconds: WARM_UP_S,
        seconds: DURATION_S,
        headers: { 'user-agent': BROWSER_UA },
        order: scenario.order,
        requests: scenario.requests(context),
        fixedRate: FIXED_RATE,
        fixedRateSeconds: FIXED_RATE_S,
        fixedRateWarmUpSeconds: FIXED_RATE_WARM_UP_S,
      },
      server.pid,
      (measured) =>
        scenario.server === 'bare'
          ? Promise.resolve()
          : clicksWrittenFor(scenario, context, clicksBefore, measured),
    );
    await scenario.afterLoad?.(context, server.url);
  } finally {
    await server.stop(); // the shortener writes its pending clicks before it exits
  }
  const goals: Goal[] = [{ label: 'zero errors', met: load.errors === 0 }];
  if (scenario.maxP99Ms !== undefined) {
    goals.push({
      label: `p99 < ${scenario.maxP99Ms} ms at ${FIXED_RATE.toLocaleString('en')} req/s`,
      met: load.fixedRate.p99 < scenario.maxP99Ms,
    });
  }
  if (scenario.server === 'shortener') {
    goals.push(...((await scenario.verify?.(context, allRedirects(load), load.unanswered)) ?? []));
  }
  if (scenario.server === 'shortener' && scenario.checkSeededClicks !== false) {
    const redirects = allRedirects(load);
    const written = (await seededClicks(context.db)) - clicksBefore;
    // The generator stops counting with up to CONNECTIONS requests in flight per run (warm-up
    // and measured), which the server still answers and counts.
    goals.push({
      label: `every click written (${written.toLocaleString('en')} for ${redirects.toLocaleString('en')} redirects)`,
      met: written >= redirects && written <= redirects + 2 * CONNECTIONS + load.unanswered,
    });
  }
  return { scenario, load, goals };
}

function ratioGoals(rows: Row[]) {
  const byId = new Map(rows.map((row) => [row.scenario.id, row]));
  for (const row of rows) {
    const wanted = row.scenario.minRatio;
    const versus = wanted && byId.get(wanted.versus);
    if (!wanted || !versus) continue;
    const ratio = row.load.rps / versus.load.rps;
    row.goals.unshift({
      label: `${ratio.toFixed(2)}× ${wanted.versus} req/s (goal ≥ ${wanted.min})`,
      met: ratio >= wanted.min,
    });
  }
}

function printTable(rows: Row[]) {
  const bare = rows.find((row) => row.scenario.id === 'bare')!.load;
  const columns = [
    ['scenario', 34],
    ['req/s', 9],
    ['p50', 5],
    ['p99', 5],
    ['p50@rate', 9],
    ['p99@rate', 9],
    ['errors', 7],
    ['vs (a)', 7],
    ['CPU ms/1k', 10],
    ['vs (a)', 7],
    ['server CPU', 11],
    ['gen. CPU', 9],
  ] as const;
  const percent = (share: number | undefined) =>
    share === undefined ? 'n/a' : `${Math.round(share * 100)} %`;
  console.log(
    '\n' +
      columns
        .map(([name, width], i) => (i === 0 ? name.padEnd(width) : name.padStart(width)))
        .join(''),
  );
  for (const { scenario, load } of rows) {
    const cells = [
      scenario.label,
      Math.round(load.rps).toLocaleString('en'),
      String(load.p50),
      String(load.p99),
      String(load.fixedRate.p50),
      String(load.fixedRate.p99),
      String(load.errors),
      (load.rps / bare.rps).toFixed(2),
      load.serverCpuMsPer1000?.toFixed(1) ?? 'n/a',
      // Efficiency against the ceiling: the bare server's CPU per request over this one's.
      bare.serverCpuMsPer1000 && load.serverCpuMsPer1000
        ? (bare.serverCpuMsPer1000 / load.serverCpuMsPer1000).toFixed(2)
        : 'n/a',
      percent(load.serverCpuShare),
      percent(load.generatorCpuShare),
    ];
    console.log(
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(columns[i]![1]) : cell.padStart(columns[i]![1])))
        .join(''),
    );
  }
  console.log(
    `(latency in ms: p50/p99 at full speed, where 100 busy connections queue; "@rate": at a fixed ` +
      `${FIXED_RATE.toLocaleString('en')} req/s, open loop. "CPU ms/1k": server CPU time per ` +
      '1,000 answers, all threads)',
  );
}

async function main() {
  if (!existsSync(path.join(shortenerDir, '.next', 'BUILD_ID'))) {
    throw new Error('Build the shortener first: npx turbo run build --filter=@newsroom/shortener');
  }
  // This process only waits; keep it off the server's core too.
  if (canPin) spawnSync('taskset', ['-a', '-pc', String(GENERATOR_CPU), String(process.pid)]);
  console.log(
    `${GENERATOR} in its own process, ${CONNECTIONS} connections, ${DURATION_S} s per scenario ` +
      `after ${WARM_UP_S} s warm-up; ` +
      (canPin
        ? `each server alone on CPU ${SERVER_CPU}, the generator on CPU ${GENERATOR_CPU}`
        : 'no CPU pinning (taskset or a second CPU missing): figures are not comparable'),
  );
  const database = await benchDatabase();
  console.log(`Database: ${database.label}`);
  const { db, paths } = await seedLinks(database.url);
  const context: ScenarioContext = {
    db,
    databaseUrl: database.url,
    seededPaths: paths,
    connections: CONNECTIONS,
  };

  const rows: Row[] = [];
  for (const scenario of await loadScenarios()) {
    console.log(`… ${scenario.label}`);
    rows.push(await runScenario(scenario, context));
  }
  ratioGoals(rows);
  printTable(rows);
  for (const { scenario, load, goals } of rows) {
    if (load.generatorCpuShare >= GENERATOR_SATURATED) {
      goals.push({ label: 'generator not saturated (req/s may be its limit)', met: false });
    }
    console.log(
      `${scenario.label}: ${goals.map(({ label, met }) => `${met ? '✓' : '✗'} ${label}`).join('   ')}`,
    );
  }

  await removeSeededLinks(db);
  await db.$disconnect();
  await database.cleanup();
}

// Exit explicitly: the migration engine leaves a long timer pending after a PostgreSQL deploy.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
