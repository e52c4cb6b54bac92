/**
 * The load generator's contract, and how the bench drives it: a child process (wrk or
 * autocannon) pinned to the CPU the servers do not use, with the server's CPU time read around the measured
 * run. Shared by the runner and load-generator.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_CPU, pinnedCommand } from './cpu-pinning';
import type { FixedRateResult, PlannedRequest } from './fixed-rate';
import { processCpuMs } from './process-cpu';

export type { PlannedRequest } from './fixed-rate';

export type LoadPlan = {
  /** What sends the load: wrk when installed (see wrk-run.ts), else autocannon. */
  generator: 'wrk' | 'autocannon';
  url: string;
  connections: number;
  warmUpSeconds: number;
  seconds: number;
  /** Sent with every request (a browser user agent by default). */
  headers: Record<string, string>;
  /** `cycle`: in turn, each request built once; `random`: one picked at random per request. */
  order: 'cycle' | 'random';
  requests: PlannedRequest[];
  /**
   * After the measured run: requests per second of the fixed-rate latency phase, its length, and
   * the unmeasured warm-up before it (fixed-rate.ts says why).
   */
  fixedRate: number;
  fixedRateSeconds: number;
  fixedRateWarmUpSeconds: number;
};

/** What one run of the generator measured (latencies in ms). */
export type RunFigures = {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Timeouts and connection errors (the server may have counted them). */
  unanswered: number;
  redirects: number;
  answered: number;
};

/** What the generator reports (its own process) about the measured run. */
export type LoadResult = RunFigures & {
  /** Here warm-up included. */
  unanswered: number;
  warmUpRedirects: number;
  /** The generator's CPU time over wall time: near 1.0 means it, not the server, was the limit. */
  generatorCpuShare: number;
};

export type MeasuredLoad = LoadResult & {
  /** The server's CPU time (all threads) over wall time during the measured run. */
  serverCpuShare: number | undefined;
  /** The server's CPU milliseconds per 1,000 answered requests: independent of the generator. */
  serverCpuMsPer1000: number | undefined;
  /** Latency at a fixed rate, measured after the run above. */
  fixedRate: FixedRateResult;
};

/** Every redirect the server answered for the generator: warm-up, measured run, fixed rate. */
export function allRedirects(load: MeasuredLoad): number {
  return load.warmUpRedirects + load.redirects + load.fixedRate.redirects;
}

const generatorScript = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/**
 * Runs `plan` from a pinned child process while reading `serverPid`'s CPU time. The measured run
 * ends when `settle` resolves (called when the generator stops sending): a server that answers
 * first and writes its clicks later is charged for those writes, in CPU and in time.
 */
export async function measureLoad(
  plan: LoadPlan,
  serverPid: number | undefined,
  settle: (measured: LoadResult) => Promise<void> = async () => undefined,
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-load-'));
  const planFile = path.join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  try {
    const [command, args] = pinnedCommand(GENERATOR_CPU, [
      process.execPath,
      '--import',
      'tsx',
      generatorScript,
      planFile,
    ]);
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    let cpuAtStart: number | undefined;
    let cpuAtEnd: number | undefined;
    let startedAt = 0;
    let endedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (startedAt === 0 && output.includes('measuring\n')) {
        cpuAtStart = processCpuMs(serverPid);
        startedAt = performance.now();
      }
      if (startedAt !== 0 && endedAt === 0 && output.endsWith('}\n')) {
        endedAt = -1; // settling
        const measured = JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult;
        void settle(measured).then(() => {
          cpuAtEnd = processCpuMs(serverPid);
          endedAt = performance.now();
          child.stdin.end('go\n');
        });
      }
    });
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const elapsedMs = endedAt - startedAt;
    if (exitCode !== 0) throw new Error(`Load generator failed (${exitCode}):\n${output}`);
    const [result, fixedRate] = output
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as unknown) as [LoadResult, FixedRateResult];
    const serverCpuMs =
      cpuAtStart !== undefined && cpuAtEnd !== undefined ? cpuAtEnd - cpuAtStart : undefined;
    return {
      ...result,
      // Both runs' failures count: the zero-errors goal and the click tolerance cover both.
      errors: result.errors + fixedRate.wrongStatus + fixedRate.unanswered,
      unanswered: result.unanswered + fixedRate.unanswered,
      fixedRate,
      serverCpuShare: serverCpuMs === undefined ? undefined : serverCpuMs / elapsedMs,
      serverCpuMsPer1000:
        serverCpuMs === undefined ? undefined : (serverCpuMs * 1000) / Math.max(1, result.answered),
    } satisfies MeasuredLoad;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
