import { stringify } from 'csv-stringify/sync';
import type { Db } from '@newsroom/db';
import { VISIT_DIMENSIONS, VISIT_VALUES, type VisitDimension } from './dimensions';
import { daysOf, type StatsRange } from './stats-range';

export type ValueCount = { value: string; count: number };

/** A link's clicks over a range: per day, and per value of each dimension over the whole range. */
export type VisitStats = StatsRange & {
  total: number;
  /** Every day of the range, oldest first, 0 for days without clicks. */
  days: { day: string; count: number }[];
  /** Per dimension, most clicks first; each list adds up to `total`. */
  breakdowns: Record<VisitDimension, ValueCount[]>;
};

const inRange = (linkId: string, { from, to }: StatsRange) => ({
  linkId,
  day: { gte: from, lte: to },
});

export async function visitStats(db: Db, linkId: string, range: StatsRange): Promise<VisitStats> {
  const [dayRows, detailRows] = await Promise.all([
    db.clickDay.findMany({ where: inRange(linkId, range), select: { day: true, count: true } }),
    db.clickDetail.groupBy({
      by: ['dimension', 'value'],
      where: inRange(linkId, range),
      _sum: { count: true },
    }),
  ]);
  const perDay = new Map(dayRows.map((row) => [row.day, row.count]));
  const total = dayRows.reduce((sum, row) => sum + row.count, 0);
  const breakdowns = emptyBreakdowns();
  for (const row of detailRows) {
    breakdowns[row.dimension as VisitDimension]?.push({
      value: row.value,
      count: row._sum.count ?? 0,
    });
  }
  for (const dimension of VISIT_DIMENSIONS) {
    completeTo(breakdowns[dimension], total);
    breakdowns[dimension].sort(byCountThenValue);
  }
  return {
    ...range,
    total,
    days: daysOf(range).map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    breakdowns,
  };
}

export const VISIT_CSV_COLUMNS = ['day', 'dimension', 'value', 'clicks'] as const;

/**
 * The range as CSV, one row per day, dimension and value (`day,dimension,value,clicks`); for each
 * day and dimension the rows add up to that day's clicks. Cells starting with = + - @ are escaped
 * so that a spreadsheet never runs them as formulas (a Referer is chosen by whoever sends it).
 */
export async function visitCsv(db: Db, linkId: string, range: StatsRange): Promise<string> {
  const [dayRows, detailRows] = await Promise.all([
    db.clickDay.findMany({ where: inRange(linkId, range), orderBy: { day: 'asc' } }),
    db.clickDetail.findMany({
      where: inRange(linkId, range),
      orderBy: [{ day: 'asc' }, { dimension: 'asc' }, { count: 'desc' }, { value: 'asc' }],
    }),
  ]);
  const details = new Map<string, Record<VisitDimension, ValueCount[]>>();
  for (const row of detailRows) {
    let day = details.get(row.day);
    if (!day) details.set(row.day, (day = emptyBreakdowns()));
    day[row.dimension as VisitDimension]?.push({ value: row.value, count: row.count });
  }
  const records: (string | number)[][] = [];
  for (const { day, count } of dayRows) {
    const breakdowns = details.get(day) ?? emptyBreakdowns();
    for (const dimension of VISIT_DIMENSIONS) {
      completeTo(breakdowns[dimension], count);
      for (const { value, count: clicks } of breakdowns[dimension]) {
        records.push([day, dimension, value, clicks]);
      }
    }
  }
  return stringify(records, {
    header: true,
    columns: [...VISIT_CSV_COLUMNS],
    escape_formulas: true,
  });
}

function emptyBreakdowns(): Record<VisitDimension, ValueCount[]> {
  return { referrer: [], device: [], browser: [], os: [], country: [] };
}

/**
 * Clicks without details (days before visit details existed, or with them turned off) are shown
 * as "(not recorded)", so that every dimension still adds up to the clicks.
 */
function completeTo(values: ValueCount[], clicks: number) {
  const known = values.reduce((sum, entry) => sum + entry.count, 0);
  if (known < clicks) values.push({ value: VISIT_VALUES.notRecorded, count: clicks - known });
}

function byCountThenValue(a: ValueCount, b: ValueCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
