import type { ImportThread } from './import-thread';

// On globalThis under a registered symbol: the editor's front server (run by tsx) starts the
// thread, and Next's bundled route handlers, a separate copy of this package in the same
// process, convert on it (a worker cannot be started from the bundle: its entry file is not
// there).
const THREAD_KEY = Symbol.for('newsroom.import.thread');
type GlobalWithThread = typeof globalThis & { [THREAD_KEY]?: ImportThread };

/** Documents of this process are converted on `thread` from now on (undefined: inline again). */
export function convertDocumentsOn(thread: ImportThread | undefined): void {
  (globalThis as GlobalWithThread)[THREAD_KEY] = thread;
}

/** The thread documents of this process are converted on, if its server started one. */
export function processImportThread(): ImportThread | undefined {
  return (globalThis as GlobalWithThread)[THREAD_KEY];
}
