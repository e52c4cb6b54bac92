import { readdirSync, readFileSync } from 'node:fs';

/**
 * The nice value of each thread of a process (Linux only: /proc/<pid>/task/<id>/stat, field
 * 19): how tests see that a worker thread runs below the priority of the rest.
 */
export function threadNiceValues(pid: number | 'self' = 'self'): number[] {
  return readdirSync(`/proc/${pid}/task`).map((task) => {
    const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}
