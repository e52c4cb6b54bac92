import { outageLog } from '@newsroom/http';
import type { Db } from '@newsroom/db';
import { checkMessageSize, Subscribers, type ChangeBus } from './change-bus';
import { envelopeCodec } from './envelope';

/** How often each process reads new rows: the delay of a change between processes. */
export const SQLITE_CHANGE_POLL_MS = 250;
/** Rows older than this are deleted (a process that slept longer relies on its caches' TTL). */
const KEEP_ROWS_MS = 10 * 60_000;
const PRUNE_EVERY_MS = 60_000;
const ROWS_PER_READ = 500;

/**
 * Changes between the processes on one SQLite file (the quick start's editor and shortener, or
 * several of either): a publish writes a ChangeEvent row and every bus reads the rows after the
 * last it saw, a few times a second. The publishing bus delivers its own message at once and
 * skips its row. A failed read is retried at the next poll, from the same row on.
 */
export function createSqliteChangeBus(db: Db): ChangeBus & { ready(): Promise<void> } {
  const subscribers = new Subscribers();
  const { origin } = envelopeCodec();
  let lastSeenId: number | undefined;
  let closed = false;
  let lastPrunedAt = 0;
  const logReadError = outageLog('Could not read changes announced by other processes (retrying):');
  let timer: NodeJS.Timeout | undefined;

  /** Only the rows written after this bus opened are news to it. */
  const started = db.changeEvent
    .aggregate({ _max: { id: true } })
    .then((result) => {
      lastSeenId ??= result._max.id ?? 0;
    })
    .catch((error: unknown) => {
      logReadError(error);
      lastSeenId ??= 0;
    });

  async function readNewRows(): Promise<void> {
    if (lastSeenId === undefined) return;
    const rows = await db.changeEvent.findMany({
      where: { id: { gt: lastSeenId } },
      orderBy: { id: 'asc' },
      take: ROWS_PER_READ,
      select: { id: true, origin: true, topic: true, message: true },
    });
    for (const row of rows) {
      lastSeenId = row.id;
      if (row.origin !== origin) subscribers.deliver(row.topic, row.message);
    }
  }

  function schedule() {
    if (closed) return;
    timer = setTimeout(() => {
      readNewRows().catch(logReadError).finally(schedule);
    }, SQLITE_CHANGE_POLL_MS);
    timer.unref();
  }
  void started.then(schedule);

  async function pruneOldRows(now: number) {
    if (now - lastPrunedAt < PRUNE_EVERY_MS) return;
    lastPrunedAt = now;
    await db.changeEvent.deleteMany({ where: { createdAt: { lt: new Date(now - KEEP_ROWS_MS) } } });
  }

  return {
    async publish(topic, message) {
      checkMessageSize(topic, message);
      subscribers.deliver(topic, message);
      await db.changeEvent.create({ data: { origin, topic, message } });
      await pruneOldRows(Date.now());
    },
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    // Nothing to resume: messages wait in their table (KEEP_ROWS_MS) and a poll that failed
    // reads them the next time.
    onResumed: () => () => undefined,
    ready: () => started,
    async close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
