/**
 * The load generator, run by redirect.bench.ts as its own process on its own CPU (taskset), so it
 * never shares a core with the server it measures. Reads a plan (JSON file named on the command
 * line), runs a warm-up, prints `measuring` when the measured run starts, then one JSON line with
 * the figures and its own CPU use; after a line on stdin from the runner, one more with the
 * latency at a fixed rate (fixed-rate.ts).
 *
 * The runs themselves: wrk as a child process (wrk-run.ts, on the same CPU: taskset's pinning is
 * inherited) when the plan says so, else autocannon in this process.
 *
 * Requests in `cycle` order are built once (autocannon reuses their bytes); `random` order picks
 * one per request, which costs the generator more but lets 100 connections spread over many codes
 * without walking them in lockstep.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { measureAtFixedRate } from './fixed-rate';
import type { LoadPlan, LoadResult, PlannedRequest, RunFigures } from './load-plan';
import { runWrk } from './wrk-run';

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;

function requestsFor(order: LoadPlan['order'], planned: PlannedRequest[]): autocannon.Request[] {
  if (order === 'cycle') {
    return planned.map(({ path, headers }) => ({ method: 'GET', path, headers }));
  }
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        const next = planned[Math.floor(Math.random() * planned.length)]!;
        request.path = next.path;
        if (next.headers) request.headers = { ...request.headers, ...next.headers };
        return request;
      },
    },
  ];
}

async function runAutocannon(seconds: number): Promise<RunFigures & { cpuMs?: number }> {
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: seconds,
    headers: plan.headers,
    requests: requestsFor(plan.order, plan.requests),
  });
  const wrongStatus = result['1xx'] + result['2xx'] + result['4xx'] + result['5xx'];
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Anything but a redirect is an error here (a 404 would mean a seeding or cache bug).
    errors: result.errors + result.timeouts + wrongStatus,
    // Requests the generator gave up on (or whose connection failed): the server may still have
    // answered, and counted, them.
    unanswered: result.errors + result.timeouts,
    redirects: result['3xx'],
    answered: result['3xx'] + wrongStatus,
  };
}

const run = (seconds: number) =>
  plan.generator === 'wrk' ? runWrk(plan, seconds) : runAutocannon(seconds);

const warmUp = await run(plan.warmUpSeconds);
process.stdout.write('measuring\n');
const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
const { cpuMs: childCpuMs, ...measured } = await run(plan.seconds);
const cpu = process.cpuUsage(cpuBefore);
const elapsedMs = performance.now() - startedAt;
const report: LoadResult = {
  ...measured,
  warmUpRedirects: warmUp.redirects,
  unanswered: warmUp.unanswered + measured.unanswered,
  generatorCpuShare: ((cpu.user + cpu.system) / 1000 + (childCpuMs ?? 0)) / elapsedMs,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
// The runner reads the server's CPU time once the run's clicks are written, then says go.
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
// Then latency at a fixed rate.
const fixedRate = await measureAtFixedRate({
  url: plan.url,
  rate: plan.fixedRate,
  seconds: plan.fixedRateSeconds,
  warmUpSeconds: plan.fixedRateWarmUpSeconds,
  connections: plan.connections,
  headers: plan.headers,
  order: plan.order,
  requests: plan.requests,
});
process.stdout.write(`${JSON.stringify(fixedRate)}\n`);
