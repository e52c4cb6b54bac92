// The statement thread's side (see statement-thread.ts): one connection, statements in the order
// they arrive, each answered with its id and, if it failed, the database's message.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteClient } from '@newsroom/db/sqlite';

const { databaseUrl, priority } = workerData as { databaseUrl: string; priority: number };

// Linux only: there the priority (nice value) belongs to this thread alone; elsewhere it would
// slow the whole process (see WRITER_PRIORITY).
if (process.platform === 'linux') {
  try {
    setPriority(priority);
  } catch {
    // Not allowed here: the writes compete with the redirects as equals, as before.
  }
}

type Request = { id: number; sql: string; args: unknown[] };

const client = openSqliteClient(databaseUrl);
let previous: Promise<void> = Promise.resolve();
// The first statement opens the file: done here, so that `ready` means ready to write.
await client.execute('SELECT 1');
parentPort!.postMessage({ ready: true });

parentPort!.on('message', ({ id, sql, args }: Request) => {
  previous = previous.then(async () => {
    try {
      await client.execute({ sql, args: args as never });
      parentPort!.postMessage({ id });
    } catch (error) {
      parentPort!.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
});
