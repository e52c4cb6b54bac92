import { providerOfDb, type Db } from '@newsroom/db';
import { hotExecute } from '../sql/hot-sql';
import { DAY_MS } from '../time/day';
import { splitDetailKey } from '../visits/dimensions';
import type { StatementRunner } from './statement-thread';

export type ClickBufferOptions = {
  db: Db;
  /** Flush at least this often while clicks are pending. */
  intervalMs: number;
  /**
   * Flush as soon as this many rows are pending (a row: one link's clicks of one day, or one of
   * its visit details). Rows, not clicks, are what a pending batch holds in memory and what a
   * flush writes: a thousand clicks on one link are one row.
   */
  flushEvery: number;
  onError?: (error: unknown) => void;
};

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

/** Clicks of one link on one day, with their visit details (detail key → count). */
type PendingDay = { count: number; details: Map<string, number> | undefined };
type DayRow = [linkId: string, day: string, count: number];
type DetailRow = [linkId: string, day: string, detail: string, count: number];

/**
 * Counts clicks in memory and writes them in batches (one row per link and day, up to 500 rows
 * per statement) instead of one database write per redirect. The increment happens in SQL
 * (`count = count + excluded.count`), so several instances flushing into one PostgreSQL never lose
 * each other's updates. Counts a failed flush could not write go back to be retried by the next.
 *
 * A click may carry visit details (one key per dimension, see visits/): they are counted the same
 * way into ClickDetail, so for every dimension the details of a (link, day) add up to its clicks.
 */
export class ClickBuffer {
  /**
   * Day → link id → clicks. Two look-ups by strings that are the same objects click after click
   * (the cached day, the cached link's id), whose hashes V8 keeps: no key string built per click.
   */
  private pending = new Map<string, Map<string, PendingDay>>();
  private pendingCount = 0;
  /** Clicks whose visit details are not written yet (their clicks may be). */
  private pendingDetailCount = 0;
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  /**
   * Set by a failed flush until the next one starts: the retry waits for the timer. A flush by
   * size at every click would re-read every pending row (~180 ms for 60,000) per redirect while
   * the database is away, stalling even the redirects the cache answers.
   */
  private retryWaits = false;
  private flushing: Promise<void> = Promise.resolve();
  /** A flush waiting for the previous one: later callers join it instead of queueing more. */
  private queued: Promise<void> | undefined;
  private readonly options: ClickBufferOptions;
  /** Where the counter statements run: on this thread unless moved (runStatementsWith). */
  private runStatement: StatementRunner;

  constructor(options: ClickBufferOptions) {
    this.options = options;
    this.runStatement = (sql, args) => hotExecute(options.db, sql, args);
  }

  /** Runs the flushes' statements through `runner` from now on (e.g. a statement thread). */
  runStatementsWith(runner: StatementRunner): void {
    this.runStatement = runner;
  }

  /**
   * Counts one click now, with its visit details (one key per dimension) when given.
   * Synchronous and allocation-light: this runs on every redirect.
   */
  record(linkId: string, time = Date.now(), details?: readonly string[]): void {
    const entry = this.entry(linkId, utcDay(time));
    entry.count += 1;
    if (details) {
      const counts = (entry.details ??= new Map());
      for (const detail of details) this.addDetail(counts, detail, 1);
      this.pendingDetailCount += 1;
    }
    this.pendingCount += 1;
    if (this.pendingRows >= this.options.flushEvery && !this.retryWaits) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs).unref();
  }

  get pendingClicks(): number {
    return this.pendingCount;
  }

  /**
   * Clicks whose visit details are still to be written: after a failed flush, also those whose
   * clicks were written (the details' statements come second and can fail on their own).
   */
  get pendingVisitDetails(): number {
    return this.pendingDetailCount;
  }

  private addDetail(counts: Map<string, number>, detail: string, clicks: number): void {
    const before = counts.get(detail);
    if (before === undefined) this.pendingRows += 1;
    counts.set(detail, (before ?? 0) + clicks);
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

  private entry(linkId: string, day: string): PendingDay {
    let links = this.pending.get(day);
    if (!links) {
      links = new Map();
      this.pending.set(day, links);
    }
    let entry = links.get(linkId);
    if (!entry) {
      entry = { count: 0, details: undefined };
      links.set(linkId, entry);
      this.pendingRows += 1;
    }
    return entry;
  }

  private async writePending(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.retryWaits = false;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.pendingCount = 0;
    this.pendingDetailCount = 0;
    this.pendingRows = 0;
    // Days first: a failure there puts back every detail too, so a retry writes both.
    const unwrittenDays = await this.writeChunks(dayRows(batch), upsertClickDays);
    if (unwrittenDays.length > 0) {
      this.putBack(unwrittenDays, [...detailRows(batch)]);
      return;
    }
    this.putBack([], await this.writeChunks(detailRows(batch), upsertClickDetails));
  }

  /**
   * Writes rows a statement at a time, a chunk built, sorted and sent while the rows after it
   * wait in their iterator: a flush of a busy minute over many links never holds this thread
   * for more than one chunk. Returns the rows not written (a failed chunk and those after it).
   */
  private async writeChunks<Row extends CounterRow>(
    rows: Iterator<Row>,
    write: (target: CounterTarget, rows: Row[]) => Promise<unknown>,
  ): Promise<Row[]> {
    const target = { db: this.options.db, run: this.runStatement };
    for (let statement = 0; ; statement += 1) {
      const chunk = take(rows, ROWS_PER_STATEMENT);
      if (chunk.length === 0) return [];
      // SQLite on this thread (no statement thread) runs a statement synchronously: between
      // statements, let the redirects waiting meanwhile be answered.
      if (statement > 0) await new Promise((resolve) => setImmediate(resolve));
      // Sorted, so that every instance locks rows in the same order: two PostgreSQL statements
      // upserting the same rows in opposite orders deadlock (40P01).
      chunk.sort(byRowKey);
      try {
        await write(target, chunk);
      } catch (error) {
        // Statements before this one are committed; this one and the rest are retried later.
        (this.options.onError ?? console.error)(error);
        return [...chunk, ...drain(rows)];
      }
    }
  }

  private putBack(days: DayRow[], details: DetailRow[]): void {
    if (days.length === 0 && details.length === 0) return; // all written
    for (const [linkId, day, count] of days) {
      this.entry(linkId, day).count += count;
      this.pendingCount += count;
    }
    for (const [linkId, day, detail, count] of details) {
      this.addDetail((this.entry(linkId, day).details ??= new Map()), detail, count);
    }
    this.pendingDetailCount += clicksDescribedBy(details);
    this.retryWaits = true;
    this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs).unref();
  }
}

/**
 * Rows per statement. One statement per chunk rather than one per row inside a transaction: a
 * flush of 40,000 rows (a busy second over many links) took longer than Prisma's 5 s transaction
 * timeout on PostgreSQL, failed, was put back, and grew until it could never be written. Short
 * chunks with redirects served in between: libsql runs a statement synchronously on the
 * redirect thread, and 500 rows take it about 2 ms (a 1,000-row statement in the former
 * one-placeholder-per-value form took tens of milliseconds: the bench's p99).
 */
const ROWS_PER_STATEMENT = 500;

/** A counter row: its key fields (text) first, its count last. */
type CounterRow = readonly [...string[], number];

/** Orders rows by their key fields (link id, day, then the detail when there is one). */
function byRowKey(a: CounterRow, b: CounterRow): number {
  for (let index = 0; index < a.length - 1; index += 1) {
    const [x, y] = [a[index] as string, b[index] as string];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function* dayRows(batch: Map<string, Map<string, PendingDay>>): Generator<DayRow> {
  for (const [day, links] of batch) {
    for (const [linkId, entry] of links) if (entry.count > 0) yield [linkId, day, entry.count];
  }
}

function* detailRows(batch: Map<string, Map<string, PendingDay>>): Generator<DetailRow> {
  for (const [day, links] of batch) {
    for (const [linkId, entry] of links) {
      for (const [detail, count] of entry.details ?? []) yield [linkId, day, detail, count];
    }
  }
}

/**
 * How many clicks detail rows describe: per link and day, the most that any one dimension counts
 * (each click adds one to every dimension; a failed chunk may hold only some of a day's rows).
 */
function clicksDescribedBy(details: readonly DetailRow[]): number {
  const perDimension = new Map<string, number>();
  for (const [linkId, day, detail, count] of details) {
    const key = `${linkId} ${day} ${splitDetailKey(detail)[0]}`;
    perDimension.set(key, (perDimension.get(key) ?? 0) + count);
  }
  const perDay = new Map<string, number>();
  for (const [key, count] of perDimension) {
    const day = key.slice(0, key.lastIndexOf(' '));
    perDay.set(day, Math.max(perDay.get(day) ?? 0, count));
  }
  let clicks = 0;
  for (const count of perDay.values()) clicks += count;
  return clicks;
}

function take<Row>(rows: Iterator<Row>, count: number): Row[] {
  const chunk: Row[] = [];
  for (let next = rows.next(); !next.done; next = rows.next()) {
    chunk.push(next.value);
    if (chunk.length === count) break;
  }
  return chunk;
}

function drain<Row>(rows: Iterator<Row>): Row[] {
  return take(rows, Number.POSITIVE_INFINITY);
}

/** The database a flush writes to (its dialect), and what runs its statements. */
type CounterTarget = { db: Db; run: StatementRunner };

/** A counter table the flush adds to: its columns (the last is the count) and its key. */
type CounterTable = {
  name: 'ClickDay' | 'ClickDetail';
  columns: readonly string[];
  key: readonly string[];
};

const CLICK_DAYS: CounterTable = {
  name: 'ClickDay',
  columns: ['linkId', 'day', 'count'],
  key: ['linkId', 'day'],
};
const CLICK_DETAILS: CounterTable = {
  name: 'ClickDetail',
  columns: ['linkId', 'day', 'dimension', 'value', 'count'],
  key: ['linkId', 'day', 'dimension', 'value'],
};

/**
 * Atomic increments of many rows in one statement; a statement is all or nothing, so a failed one
 * can simply be retried. The rows travel as ONE parameter, a JSON array of arrays, unpacked by
 * the database (SQLite's json_each, PostgreSQL's json_array_elements): the statement text is the
 * same for every chunk and short to prepare, where one placeholder per value cost SQLite and
 * Prisma 3–5× more per row (measured: ~15 µs against ~4 µs). The WHERE EXISTS skips links
 * deleted since their clicks (a foreign-key error would fail the whole statement) and also
 * resolves SQLite's INSERT … SELECT … ON CONFLICT parsing ambiguity. On PostgreSQL the rows are
 * inserted in the array's (sorted) order, so that instances lock rows in the same order.
 */
function upsertCounters(
  { db, run }: CounterTarget,
  table: CounterTable,
  rows: readonly (readonly unknown[])[],
) {
  return run(statement(table, providerOfDb(db) === 'postgresql'), [JSON.stringify(rows)]);
}

const statements = new Map<string, string>();

function statement(table: CounterTable, postgres: boolean): string {
  const cacheKey = `${table.name} ${postgres}`;
  let sql = statements.get(cacheKey);
  if (sql === undefined) {
    sql = buildStatement(table, postgres);
    statements.set(cacheKey, sql);
  }
  return sql;
}

function buildStatement({ name, columns, key }: CounterTable, postgres: boolean): string {
  const quoted = (column: string) => `"${column}"`;
  const last = columns.length - 1; // the count, an integer; the others are text
  const fields = columns.map((_, i) =>
    postgres
      ? i === last
        ? `CAST("row"."value" ->> ${i} AS INTEGER)`
        : `"row"."value" ->> ${i}`
      : `json_extract("row"."value", '$[${i}]')`,
  );
  const rows = postgres
    ? `json_array_elements(CAST($1 AS JSON)) WITH ORDINALITY AS "row" ("value", "position")`
    : `json_each(?) AS "row"`;
  return `INSERT INTO "${name}" (${columns.map(quoted).join(', ')})
    SELECT ${fields.join(', ')} FROM ${rows}
    WHERE EXISTS (SELECT 1 FROM "ShortLink" WHERE "ShortLink"."id" = ${fields[0]})
    ${postgres ? 'ORDER BY "row"."position"' : ''}
    ON CONFLICT (${key.map(quoted).join(', ')})
    DO UPDATE SET "count" = "${name}"."count" + excluded."count"`;
}

function upsertClickDays(target: CounterTarget, rows: DayRow[]) {
  return upsertCounters(target, CLICK_DAYS, rows);
}

function upsertClickDetails(target: CounterTarget, rows: DetailRow[]) {
  return upsertCounters(
    target,
    CLICK_DETAILS,
    rows.map(([linkId, day, detail, count]) => {
      const [dimension, value] = splitDetailKey(detail);
      return [linkId, day, dimension, value, count];
    }),
  );
}
