import { Worker } from 'node:worker_threads';

/** Runs one statement that returns nothing; rejects with the database's error. */
export type StatementRunner = (sql: string, args: unknown[]) => Promise<void>;

export type StatementThread = { run: StatementRunner; close: () => Promise<void> };

type Reply = { id: number; error?: string };

/**
 * Runs statements on a worker thread with its own connection to the SQLite file. libsql runs a
 * statement synchronously on the thread that calls it: a click flush (thousands of rows, and now
 * and then a WAL checkpoint) held the redirect thread for 5 to 140 ms at a time, which every
 * redirect arriving meanwhile waited out. The thread starts with the first statement (a process
 * that never flushes clicks never starts it) and does not keep the process alive.
 */
export function createSqliteStatementThread(databaseUrl: string): StatementThread {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    worker = undefined; // the next statement starts a new thread
  };

  function start(): Worker {
    const thread = new Worker(new URL('./statement-thread-entry.mjs', import.meta.url), {
      workerData: { databaseUrl },
    });
    thread.unref();
    thread.on('message', ({ id, error }: Reply) => {
      const caller = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) caller?.resolve();
      else caller?.reject(new Error(error));
    });
    thread.on('error', failAll);
    thread.on('exit', (code) => failAll(new Error(`The statement thread stopped (${code})`)));
    return thread;
  }

  return {
    run(sql, args) {
      worker ??= start();
      const id = ++nextId;
      const thread = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ id, sql, args });
      });
    },
    async close() {
      const thread = worker;
      worker = undefined;
      await thread?.terminate();
    },
  };
}
