import { describe, expect, it } from 'vitest';
import { outageLog } from './outage-log';

describe('outageLog', () => {
  it('logs the first failure, then at most one per interval', () => {
    const clock = { now: 0 };
    const lines: unknown[][] = [];
    const log = outageLog('Store away:', {
      intervalMs: 60_000,
      now: () => clock.now,
      log: (...line) => lines.push(line),
    });
    log('first');
    clock.now = 59_999;
    log('dropped');
    clock.now = 60_000;
    log('second');
    expect(lines).toEqual([
      ['Store away:', 'first'],
      ['Store away:', 'second'],
    ]);
  });
});
