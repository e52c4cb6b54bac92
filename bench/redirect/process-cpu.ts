// CPU time of another process, read from Linux's /proc: the server's own cost, whatever the load
// generator manages to send. All threads count (GC, libuv pool, database driver).
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString()) || 100;

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const ticksToMs = (...ticks: string[]) =>
  (ticks.reduce((sum, value) => sum + Number(value), 0) * 1000) / CLOCK_TICKS_PER_SECOND;

/** user + system CPU milliseconds used so far by `pid`, or undefined where /proc is missing. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = statFields(pid);
    return ticksToMs(fields[11]!, fields[12]!); // fields 14 and 15 of proc(5): utime, stime
  } catch {
    return undefined;
  }
}

/**
 * user + system CPU milliseconds of this process's children that have ended (and were waited
 * for): what a generator run as a child process (wrk) cost. Undefined where /proc is missing.
 */
export function endedChildrenCpuMs(): number | undefined {
  try {
    const fields = statFields('self');
    return ticksToMs(fields[13]!, fields[14]!); // fields 16 and 17: cutime, cstime
  } catch {
    return undefined;
  }
}
