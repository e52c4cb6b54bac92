import { getDb } from '@newsroom/db';
import { startScheduler, type Scheduler } from '@newsroom/editorial';

// One scheduler per process, whichever copy of this module starts it (the front server and
// Next's bundle load separate copies): found under a registered symbol on globalThis.
const SCHEDULER_KEY = Symbol.for('newsroom.editor.publishingScheduler');
type GlobalWithScheduler = typeof globalThis & { [SCHEDULER_KEY]?: Scheduler };

/**
 * Starts scheduled publishing in this editor process (idempotent). Every editor instance may
 * run it: each schedule is claimed in the database, so it fires exactly once.
 */
export function startPublishingScheduler(): Scheduler {
  const global = globalThis as GlobalWithScheduler;
  global[SCHEDULER_KEY] ??= startScheduler({ db: getDb() });
  return global[SCHEDULER_KEY];
}
