// The statement thread's side (see statement-thread.ts): one connection, statements in the order
// they arrive, each answered with its id and, if it failed, the database's message.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteClient } from '@newsroom/db/sqlite';

type Request = { id: number; sql: string; args: unknown[] };

const client = openSqliteClient((workerData as { databaseUrl: string }).databaseUrl);
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
