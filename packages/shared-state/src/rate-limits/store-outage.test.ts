import { describe, expect, it } from 'vitest';
import { RateLimitStoreError } from './rate-limiter';
import { isRateLimitStoreOutage } from './store-outage';

describe('isRateLimitStoreOutage', () => {
  it("is the store's own failure, not the database's, and not any other error", () => {
    expect(
      isRateLimitStoreOutage(new RateLimitStoreError(new Error('Connection is closed.'))),
    ).toBe(true);
    const databaseAway = Object.assign(new Error("Can't reach database server"), { code: 'P1001' });
    expect(isRateLimitStoreOutage(new RateLimitStoreError(databaseAway))).toBe(false);
    expect(isRateLimitStoreOutage(new Error('Connection is closed.'))).toBe(false);
  });
});
