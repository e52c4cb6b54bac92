export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * At most `limit` hits per key per window, counted in memory. Per instance: with N instances a
 * client gets up to N × limit, which is fine for abuse control (not for billing). Windows of
 * keys not seen for a while are dropped on the next sweep, so memory stays bounded by the number
 * of active clients.
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { startedAt: number; hits: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit for `key` and says whether it is within the limit. */
  hit(key: string): LimitResult {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, hits: 0 };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window.hits <= this.limit ? { allowed: true } : this.refusal(window, now);
  }

  /** Whether `key` is over the limit right now, without counting a hit. */
  check(key: string): LimitResult {
    const window = this.windows.get(key);
    const now = this.now();
    if (!window || now - window.startedAt >= this.windowMs || window.hits < this.limit) {
      return { allowed: true };
    }
    return this.refusal(window, now);
  }

  private refusal(window: { startedAt: number }, now: number): LimitResult {
    const retryAfterMs = window.startedAt + this.windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
