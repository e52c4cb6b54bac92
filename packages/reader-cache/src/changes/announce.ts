import {
  encodeChange,
  isEmptyChange,
  READER_PAGES_TOPIC,
  type ReaderPagesChange,
} from './reader-pages-change';

/** Delivers a change to this process's cache and to every other instance. */
export type ReaderPagesAnnouncer = (change: ReaderPagesChange) => Promise<void>;

// The front server connects the announcer; the newsroom's write paths run inside Next.js's
// bundle, a separate copy of this module: they meet on globalThis.
const ANNOUNCER_KEY = Symbol.for('newsroom.reader-cache.announcer');

type Holder = { [ANNOUNCER_KEY]?: ReaderPagesAnnouncer };

/** Called once by the process that serves reader pages. Returns a disconnect function. */
export function connectReaderPagesAnnouncer(announcer: ReaderPagesAnnouncer): () => void {
  (globalThis as Holder)[ANNOUNCER_KEY] = announcer;
  return () => {
    if ((globalThis as Holder)[ANNOUNCER_KEY] === announcer)
      delete (globalThis as Holder)[ANNOUNCER_KEY];
  };
}

/**
 * THE one call that write paths make after a change readers may see is committed. Without a
 * connected cache (unit tests, a process that serves no reader pages) there is nothing to tell.
 * A failure to reach other instances is logged, not thrown: the change itself is saved, and
 * cached pages expire after the cache's time to live at the latest.
 */
export async function readerPagesChanged(change: ReaderPagesChange): Promise<void> {
  if (isEmptyChange(change)) return;
  const announcer = (globalThis as Holder)[ANNOUNCER_KEY];
  if (!announcer) return;
  try {
    await announcer(change);
  } catch (error) {
    console.error('Could not announce a reader-page change to other instances:', error);
  }
}

/** Where changes go to every instance: `@newsroom/shared-state`'s `changes`, publish side. */
export interface ChangePublisher {
  publish(topic: string, message: string): Promise<void>;
}

/** Publishes a change to every instance's reader-page cache over the change bus. */
export async function publishReaderPagesChange(
  changes: ChangePublisher,
  change: ReaderPagesChange,
): Promise<void> {
  await Promise.all(
    encodeChange(change).map((message) => changes.publish(READER_PAGES_TOPIC, message)),
  );
}

/**
 * For a process that serves no reader pages but changes what they show (a command-line script):
 * its changes reach the caches of the running servers through the change bus, until disconnected.
 */
export function announceToOtherInstances(changes: ChangePublisher): () => void {
  return connectReaderPagesAnnouncer((change) => publishReaderPagesChange(changes, change));
}
