/**
 * One run of wrk (C, epoll, one thread) for the load generator: the plan's requests prebuilt
 * (wrk-plan.lua), 100 connections, answers counted by status. On this machine one autocannon
 * process saturated its core before the bare server saturated its own (the "generator CPU"
 * column near 100 % for the ceiling), so req/s measured autocannon; wrk spends a fraction of
 * its CPU per request. Used when `wrk` is installed (Debian's `wrk`), else autocannon.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadPlan, RunFigures } from './load-plan';
import { endedChildrenCpuMs } from './process-cpu';

export const wrkInstalled = spawnSync('wrk', ['--version']).error === undefined;

const script = fileURLToPath(new URL('./wrk-plan.lua', import.meta.url));

type WrkResult = {
  durationUs: number;
  redirects: number;
  others: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
};

/** Microseconds as milliseconds with one decimal (autocannon reports whole ones). */
const toMs = (microseconds: number) => Math.round(microseconds / 100) / 10;

/** One line per request: the path, then its header lines, tab-separated (none may hold one). */
function requestLines(plan: LoadPlan): string {
  return plan.requests
    .map(({ path: requestPath, headers }) => {
      const fields = Object.entries({ ...plan.headers, ...headers }).map(([k, v]) => `${k}: ${v}`);
      const line = [requestPath, ...fields].join('\t');
      if (/[\r\n]/.test(line) || fields.some((field) => field.includes('\t')))
        throw new Error(`A request wrk cannot send as planned: ${JSON.stringify(line)}`);
      return line;
    })
    .join('\n');
}

/** Runs wrk for `seconds`; also returns the CPU milliseconds it used. */
export async function runWrk(
  plan: LoadPlan,
  seconds: number,
): Promise<RunFigures & { cpuMs: number | undefined }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-wrk-'));
  const file = path.join(dir, 'requests.txt');
  writeFileSync(file, requestLines(plan));
  const url = new URL(plan.url);
  const cpuBefore = endedChildrenCpuMs();
  try {
    const args = ['-t1', `-c${plan.connections}`, `-d${seconds}s`, '--timeout', '10s'];
    const child = spawn('wrk', [...args, '-s', script, plan.url, '--', file, plan.order, url.host]);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = output.split('\n').find((text) => text.startsWith('WRK_RESULT '));
    if (exitCode !== 0 || !line) throw new Error(`wrk failed (${exitCode}):\n${output}`);
    const result = JSON.parse(line.slice('WRK_RESULT '.length)) as WrkResult;
    const cpuAfter = endedChildrenCpuMs();
    const unanswered = result.connect + result.read + result.write + result.timeout;
    const answered = result.redirects + result.others;
    return {
      rps: answered / (result.durationUs / 1e6),
      p50: toMs(result.p50Us),
      p99: toMs(result.p99Us),
      errors: unanswered + result.others,
      unanswered,
      redirects: result.redirects,
      answered,
      cpuMs: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
