// One core for the server under test, the other for the load generator (taskset, util-linux):
// on a 2-core machine a generator sharing the server's core would measure itself.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export const SERVER_CPU = 0;
export const GENERATOR_CPU = 1;

export const canPin =
  availableParallelism() >= 2 && spawnSync('taskset', ['--version']).status === 0;

/** `[command, args]` running `argv` on `cpu` (taskset execs it: same pid), or unpinned. */
export function pinnedCommand(cpu: number, argv: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(cpu), ...argv]] : [argv[0]!, argv.slice(1)];
}
