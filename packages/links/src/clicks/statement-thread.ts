import { Worker } from 'node:worker_threads';

/** Runs one statement that returns nothing; rejects with the database's error. */
export type StatementRunner = (sql: string, args: unknown[]) => Promise<void>;

export type StatementThread = {
  run: StatementRunner;
  /**
   * Starts the thread now and resolves once it has loaded and opened its connection: a server
   * calls it before taking requests, so the thread's start (its modules, its connection) is
   * not paid during the first flush, among the redirects.
   */
  start: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Click writes are background work: below normal priority, a busy core serves redirects first,
 * and the counts wait in memory (where new clicks on the same link and day add to the same rows)
 * until there is room. Measured on one core shared with the redirects, 100,000 spread codes, at
 * the lowest priority (nice 19): at 10,000 redirects a second the median answer took 0.2 ms
 * instead of 2–4 ms, and at full speed the shortener answered 0.59× the bare server's rate
 * instead of 0.35× (means of five runs each). Not the lowest, though: a statement holds SQLite's
 * write lock, and at nice 19 on a saturated machine the thread got so little of a core that the
 * lock could outlast the 5 s busy timeout of other writers (the likeliest reason a test's write
 * timed out in CI; an editor's save would answer 503). At nice 10 it gets about ten times the
 * share (0.2 ms median kept; 0.44–0.46× at full speed in two runs).
 * Linux only (see the worker); a system that refuses it leaves the thread as it is.
 */
export const WRITER_PRIORITY = 10;

/** A started thread, and the statements sent to it that wait for its answer. */
type RunningThread = {
  thread: Worker;
  ready: Promise<void>;
  waiting: Map<number, { resolve: () => void; reject: (error: Error) => void }>;
};

/** What the thread posts: once `ready` after opening its connection, then a reply per statement. */
type Message = { ready: true } | { id: number; error?: string };

/**
 * Runs statements on a worker thread with its own connection to the SQLite file. libsql runs a
 * statement synchronously on the thread that calls it: a click flush (thousands of rows, and now
 * and then a WAL checkpoint) held the redirect thread for 5 to 140 ms at a time, which every
 * redirect arriving meanwhile waited out. The thread starts with `start()` or with the first
 * statement (a process that never flushes clicks never starts it) and does not keep the process
 * alive.
 */
export function createSqliteStatementThread(databaseUrl: string): StatementThread {
  let worker: RunningThread | undefined;
  let nextId = 0;

  function startThread(): RunningThread {
    const thread = new Worker(new URL('./statement-thread-entry.mjs', import.meta.url), {
      workerData: { databaseUrl, priority: WRITER_PRIORITY },
    });
    thread.unref();
    // This thread's own statements: a thread that stops (closed, or failed) answers only those,
    // and only forgets itself, not a thread started since for the next statement.
    const waiting: RunningThread['waiting'] = new Map();
    const failAll = (error: Error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
      if (worker?.thread === thread) worker = undefined; // the next statement starts a new thread
    };
    const ready = new Promise<void>((resolve, reject) => {
      thread.on('message', (message: Message) => {
        if ('ready' in message) return resolve();
        const caller = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error === undefined) caller?.resolve();
        else caller?.reject(new Error(message.error));
      });
      thread.on('error', (error) => {
        reject(error);
        failAll(error);
      });
      thread.on('exit', (code) => {
        const error = new Error(`The statement thread stopped (${code})`);
        reject(error);
        failAll(error);
      });
    });
    // Statements do not wait for `ready` (the thread queues them); a start that fails reaches
    // them as their own rejection.
    ready.catch(() => undefined);
    return { thread, ready, waiting };
  }

  return {
    start() {
      worker ??= startThread();
      return worker.ready;
    },
    run(sql, args) {
      worker ??= startThread();
      const id = ++nextId;
      const { thread, waiting } = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, sql, args });
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.thread.terminate();
    },
  };
}
