// A stand-in for one editor process in the multi-process scheduling test: runs the scheduler on
// the database in argv[2] and prints each schedule it fired as a JSON line. Stops on SIGTERM.
import { createDb } from '@newsroom/db';
import { startScheduler } from '../scheduler';

const db = createDb(process.argv[2]);
const scheduler = startScheduler({
  db,
  intervalMs: 20,
  onFired: (fired) => console.log(JSON.stringify(fired)),
  // Two writers on one SQLite file sometimes wait past the busy timeout: the next round retries.
  onError: () => undefined,
});
console.log(JSON.stringify({ ready: true }));

process.on('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => db.$disconnect())
    .then(() => process.exit(0));
});
