import type { Db } from '@newsroom/db';

export type ClickBufferOptions = {
  db: Db;
  /** Flush at least this often while clicks are pending. */
  intervalMs: number;
  /** Flush as soon as this many clicks are pending. */
  flushEvery: number;
  onError?: (error: unknown) => void;
};

const DAY_MS = 86_400_000;
let cachedDayStart = -1;
let cachedDay = '';

/** 'YYYY-MM-DD' of a moment, in UTC (ClickDay.day). Formats a date once per day, not per click. */
export function utcDay(time: number): string {
  const dayStart = time - (time % DAY_MS);
  if (dayStart !== cachedDayStart) {
    cachedDay = new Date(dayStart).toISOString().slice(0, 10);
    cachedDayStart = dayStart;
  }
  return cachedDay;
}

/**
 * Counts clicks in memory and writes them in batches: one upsert per (link, day) per flush,
 * instead of one database write per redirect. The increment happens in SQL
 * (`count = count + excluded.count`), so several instances flushing into one PostgreSQL never lose
 * each other's updates. A failed flush puts its counts back to be retried by the next one.
 */
export class ClickBuffer {
  private pending = new Map<string, number>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** A flush waiting for the previous one: later callers join it instead of queueing more. */
  private queued: Promise<void> | undefined;
  private readonly options: ClickBufferOptions;

  constructor(options: ClickBufferOptions) {
    this.options = options;
  }

  /** Counts one click now. Synchronous and allocation-light: this runs on every redirect. */
  record(linkId: string, time = Date.now()): void {
    const key = `${linkId}\n${utcDay(time)}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.pendingCount += 1;
    if (this.pendingCount >= this.options.flushEvery) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs).unref();
  }

  get pendingClicks(): number {
    return this.pendingCount;
  }

  /** Writes everything pending; resolves once written (flushes never overlap). */
  flush(): Promise<void> {
    if (!this.queued) {
      this.queued = this.flushing.then(() => {
        this.queued = undefined;
        return this.writePending();
      });
      this.flushing = this.queued;
    }
    return this.queued;
  }

  private async writePending(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingCount === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingCount = 0;
    try {
      await this.options.db.$transaction(
        // Sorted, so that every instance locks ClickDay rows in the same order: two PostgreSQL
        // transactions upserting the same rows in opposite orders deadlock (40P01), costing a
        // second of deadlock detection and a retried flush each time.
        [...batch].sort(byKey).map(([key, count]) => {
          const [linkId = '', day = ''] = key.split('\n');
          return upsertClickDay(this.options.db, linkId, day, count);
        }),
      );
    } catch (error) {
      for (const [key, count] of batch) {
        this.pending.set(key, (this.pending.get(key) ?? 0) + count);
        this.pendingCount += count;
      }
      this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs).unref();
      (this.options.onError ?? console.error)(error);
    }
  }
}

function byKey([a]: [string, number], [b]: [string, number]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One atomic increment, valid SQL on both SQLite (≥ 3.24) and PostgreSQL. INSERT … SELECT … WHERE
 * EXISTS skips links deleted since the click (a foreign-key error would fail the whole batch);
 * the CASTs give PostgreSQL the parameter types it cannot infer from a SELECT list.
 */
function upsertClickDay(db: Db, linkId: string, day: string, count: number) {
  return db.$executeRaw`
    INSERT INTO "ClickDay" ("linkId", "day", "count")
    SELECT CAST(${linkId} AS TEXT), CAST(${day} AS TEXT), CAST(${count} AS INTEGER)
    WHERE EXISTS (SELECT 1 FROM "ShortLink" WHERE "id" = CAST(${linkId} AS TEXT))
    ON CONFLICT ("linkId", "day") DO UPDATE SET "count" = "ClickDay"."count" + excluded."count"`;
}
