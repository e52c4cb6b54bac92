import { z } from 'zod';
import { utcDay } from '../clicks/click-buffer';
import { DAY_MS } from '../time/day';

/** Longest range a stats request may cover (a leap year), and the range shown by default. */
export const MAX_STATS_RANGE_DAYS = 366;
export const DEFAULT_STATS_RANGE_DAYS = 30;
export const STATS_FORMATS = ['json', 'csv'] as const;

/** Inclusive range of UTC days, as 'YYYY-MM-DD'. */
export type StatsRange = { from: string; to: string };
export type StatsQuery = { range: StatsRange; format: (typeof STATS_FORMATS)[number] };

/**
 * No day before this one holds clicks; it also keeps a range's days four-digit years (a range
 * ending in year 0 began in year -1, which 'YYYY-MM-DD' cannot spell).
 */
export const EARLIEST_STATS_DAY = '1970-01-01';

const daySchema = (name: string) =>
  z
    .string({ error: `${name} must be a date as YYYY-MM-DD` })
    .refine(isDay, { error: `${name} must be a date as YYYY-MM-DD, e.g. 2026-11-01` })
    .refine((day) => day >= EARLIEST_STATS_DAY, {
      error: `${name} must be ${EARLIEST_STATS_DAY} or later`,
    });

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=json|csv]`, both ends included. Without `to`: today
 * (UTC); without `from`: the DEFAULT_STATS_RANGE_DAYS days up to `to`. A reversed or too long
 * range is refused with a message (the API answers 400, the staff page shows it).
 */
export function statsQuerySchema(now: () => number = Date.now) {
  return z
    .strictObject(
      {
        from: daySchema('from').optional(),
        to: daySchema('to').optional(),
        format: z.enum(STATS_FORMATS, { error: 'format must be json or csv' }).default('json'),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `Unknown parameter(s): ${(issue.keys ?? []).join(', ')}; use from, to, format.`
            : undefined,
      },
    )
    .transform((query, ctx): StatsQuery => {
      const to = query.to ?? utcDay(now());
      const from = query.from ?? shiftDay(to, -(DEFAULT_STATS_RANGE_DAYS - 1));
      const days = daysBetween(from, to);
      if (days < 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['range'],
          message:
            query.to === undefined
              ? `The range is reversed: from (${from}) is after today (${to}, UTC), where a range without "to" ends.`
              : `The range is reversed: from (${from}) is after to (${to}).`,
        });
      } else if (days > MAX_STATS_RANGE_DAYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['range'],
          message: `The range from ${from} to ${to} has ${days} days; at most ${MAX_STATS_RANGE_DAYS} are allowed.`,
        });
      }
      return { range: { from, to }, format: query.format };
    });
}

/** Days in an inclusive range (0 or less when reversed). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day of a range, oldest first. */
export function daysOf({ from, to }: StatsRange): string[] {
  return Array.from({ length: Math.max(0, daysBetween(from, to)) }, (_, index) =>
    shiftDay(from, index),
  );
}

function isDay(value: string): boolean {
  // A real calendar day: Date.parse accepts 2026-02-30 and rolls it over, so compare back.
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(Date.parse(value)).toISOString().slice(0, 10) === value
  );
}
