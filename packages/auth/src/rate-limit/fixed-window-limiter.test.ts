import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './fixed-window-limiter';

describe('FixedWindowLimiter', () => {
  it('allows `limit` hits per window per key, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('a').allowed)).toEqual([true, true, true]);
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);
    now += 45_500;
    expect(limiter.check('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(true);
  });
});
