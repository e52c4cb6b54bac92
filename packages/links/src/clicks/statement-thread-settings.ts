/**
 * At most this many statements run in one transaction on the statement thread, and a click
 * flush keeps at most this many waiting for it. 40 chunks of a flush are 20,000 rows, about
 * 60 ms of writing on this machine: the longest the thread holds SQLite's write lock, which the
 * apps' own writes (saves, new links) wait out.
 */
export const STATEMENTS_PER_TRANSACTION = 40;

/**
 * The statement thread's connection only adds to counters. A page cache of 64 MB keeps the
 * counter tables' pages between chunks instead of reading them again (the default is 2 MB);
 * `synchronous = NORMAL` in WAL mode syncs at checkpoints instead of at every commit: a power
 * cut (not a crash of the process) may lose the last commits, seconds of clicks, which is what
 * the click buffer holds in memory anyway. The file stays consistent either way.
 */
export const THREAD_CONNECTION_PRAGMAS = [
  'PRAGMA cache_size = -65536',
  'PRAGMA synchronous = NORMAL',
] as const;
