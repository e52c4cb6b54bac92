// The statement thread's side (see statement-thread.ts): one connection; statements in the order
// they arrive, those that arrived together in one transaction, each answered with its id and, if
// its transaction failed, the database's message.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteClient } from '@newsroom/db/sqlite';
import { STATEMENTS_PER_TRANSACTION, THREAD_CONNECTION_PRAGMAS } from './statement-thread-settings';

type Request = { id: number; sql: string; args: unknown[] };

const client = openSqliteClient((workerData as { databaseUrl: string }).databaseUrl);
// The first statement opens the file: done here, so that `ready` means ready to write.
for (const pragma of THREAD_CONNECTION_PRAGMAS) await client.execute(pragma);
parentPort!.postMessage({ ready: true });

const waiting: Request[] = [];
let running = false;

parentPort!.on('message', (request: Request) => {
  waiting.push(request);
  if (running) return;
  running = true;
  void runWaiting().finally(() => (running = false));
});

/**
 * Statements that queued up while the last group ran go in one transaction: a click flush's
 * chunks then dirty each page of the counter tables once and commit once, where a commit per
 * chunk wrote the same pages again and again (measured: a third less CPU per click written with
 * the codes spread over 100,000 links). A failed transaction writes none of its statements, and
 * each of them is answered with the error, so its caller retries exactly those.
 */
async function runWaiting(): Promise<void> {
  while (waiting.length > 0) {
    const group = waiting.splice(0, STATEMENTS_PER_TRANSACTION);
    try {
      const statements = group.map(({ sql, args }) => ({ sql, args: args as never }));
      if (statements.length === 1) await client.execute(statements[0]!);
      else await client.batch(statements, 'write');
      for (const { id } of group) parentPort!.postMessage({ id });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const { id } of group) parentPort!.postMessage({ id, error: message });
    }
    // libsql runs statements synchronously: let the messages that arrived meanwhile in.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
