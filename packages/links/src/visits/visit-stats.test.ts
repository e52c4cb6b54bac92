import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { ClickBuffer } from '../clicks/click-buffer';
import { createLink } from '../links/link-service';
import { DAY_MS } from '../time/day';
import { detailKey } from './dimensions';
import { visitCsv, visitStats } from './visit-stats';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

const start = Date.UTC(2030, 0, 10);

async function linkWithClicks() {
  const { link } = await createLink(testDb.db, {
    url: 'https://example.com/',
    redirectType: 302,
    expiresAt: null,
  });
  const clicks = new ClickBuffer({ db: testDb.db, intervalMs: 60_000, flushEvery: 1_000_000 });
  const visit = (referrer: string, country: string) => [
    detailKey('referrer', referrer),
    detailKey('device', 'desktop'),
    detailKey('browser', 'Firefox'),
    detailKey('os', 'Linux'),
    detailKey('country', country),
  ];
  clicks.record(link.id, start, visit('t.co', 'DE'));
  clicks.record(link.id, start, visit('t.co', 'FR'));
  clicks.record(link.id, start + DAY_MS, visit('=cmd|calc', 'DE'));
  clicks.record(link.id, start + DAY_MS); // counted while visit details were off
  clicks.record(link.id, start + 5 * DAY_MS, visit('t.co', 'DE')); // outside the range below
  await clicks.flush();
  return link;
}

describe('visit stats', () => {
  it('sums a range per dimension, every dimension adding up to the clicks', async () => {
    const link = await linkWithClicks();
    const stats = await visitStats(testDb.db, link.id, { from: '2030-01-09', to: '2030-01-12' });
    expect(stats.total).toBe(4);
    expect(stats.days).toEqual([
      { day: '2030-01-09', count: 0 },
      { day: '2030-01-10', count: 2 },
      { day: '2030-01-11', count: 2 },
      { day: '2030-01-12', count: 0 },
    ]);
    expect(stats.breakdowns.referrer).toEqual([
      { value: 't.co', count: 2 },
      { value: '(not recorded)', count: 1 },
      { value: '=cmd|calc', count: 1 },
    ]);
    expect(stats.breakdowns.country).toEqual([
      { value: 'DE', count: 2 },
      { value: '(not recorded)', count: 1 },
      { value: 'FR', count: 1 },
    ]);
    for (const values of Object.values(stats.breakdowns)) {
      expect(values.reduce((sum, entry) => sum + entry.count, 0)).toBe(4);
    }
  });

  it('exports the same as CSV, safe to open in a spreadsheet', async () => {
    const link = await linkWithClicks();
    const csv = await visitCsv(testDb.db, link.id, { from: '2030-01-10', to: '2030-01-11' });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['day', 'dimension', 'value', 'clicks']);
    const referrers = rows.filter((row) => row.dimension === 'referrer');
    expect(referrers).toEqual([
      { day: '2030-01-10', dimension: 'referrer', value: 't.co', clicks: '2' },
      { day: '2030-01-11', dimension: 'referrer', value: "'=cmd|calc", clicks: '1' },
      { day: '2030-01-11', dimension: 'referrer', value: '(not recorded)', clicks: '1' },
    ]);
    // Per day and dimension the rows add up to that day's clicks.
    for (const dimension of ['referrer', 'device', 'browser', 'os', 'country']) {
      const sum = (day: string) =>
        rows
          .filter((row) => row.day === day && row.dimension === dimension)
          .reduce((total, row) => total + Number(row.clicks), 0);
      expect([sum('2030-01-10'), sum('2030-01-11')]).toEqual([2, 2]);
    }
  });
});
