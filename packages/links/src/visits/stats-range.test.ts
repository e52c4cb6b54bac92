import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation/link-input';
import { statsQuerySchema } from './stats-range';

const now = () => Date.UTC(2026, 10, 29, 12);
const parse = (query: Record<string, string>) => statsQuerySchema(now).safeParse(query);

describe('stats range', () => {
  it('defaults to the last 30 days up to today (UTC), as JSON', () => {
    expect(parse({}).data).toEqual({
      range: { from: '2026-10-31', to: '2026-11-29' },
      format: 'json',
    });
    expect(parse({ to: '2026-01-30', format: 'csv' }).data).toEqual({
      range: { from: '2026-01-01', to: '2026-01-30' },
      format: 'csv',
    });
  });

  it('accepts one day and a whole leap year', () => {
    expect(parse({ from: '2026-11-01', to: '2026-11-01' }).success).toBe(true);
    expect(parse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
  });

  it('refuses reversed, too long and malformed ranges with a message', () => {
    const errors = (query: Record<string, string>) => {
      const result = parse(query);
      expect(result.success).toBe(false);
      return fieldErrors(result.error!);
    };
    expect(errors({ from: '2026-11-02', to: '2026-11-01' })).toEqual({
      range: 'The range is reversed: from (2026-11-02) is after to (2026-11-01).',
    });
    expect(errors({ from: '2099-01-01' }).range).toMatch(
      /^The range is reversed: from \(2099-01-01\) is after today \(\d{4}-\d{2}-\d{2}, UTC\), where a range without "to" ends\.$/,
    );
    expect(errors({ from: '2025-01-01', to: '2026-01-02' })).toEqual({
      range: 'The range from 2025-01-01 to 2026-01-02 has 367 days; at most 366 are allowed.',
    });
    expect(errors({ from: '2026-02-30' }).from).toMatch(/YYYY-MM-DD/);
    expect(errors({ to: '29/11/2026' }).to).toMatch(/YYYY-MM-DD/);
    // Year 0 ended a range that began in year -1: days labelled "-000001-12".
    expect(errors({ to: '0000-01-15' }).to).toBe('to must be 1970-01-01 or later');
    expect(errors({ from: '1969-12-31', to: '1970-01-10' }).from).toBe(
      'from must be 1970-01-01 or later',
    );
    expect(errors({ format: 'xml' }).format).toBe('format must be json or csv');
    expect(errors({ since: '2026-01-01' }).body).toMatch(/Unknown parameter\(s\): since/);
  });
});
