import { clientLimitKey } from '@newsroom/http';
import type { RateLimitDecision, RateLimiter } from '@newsroom/shared-state';

/** Blocked clients remembered locally at most; beyond, the oldest are forgotten (the store still knows). */
const MAX_REMEMBERED_BLOCKS = 100_000;

/**
 * Limits lookups of unknown codes per client (stops code enumeration): an IPv4 address, or an
 * IPv6 client's /64 network (clientLimitKey), whose every address is its own. The count lives in the
 * shared store, so the limit holds across instances; it is consulted only when a code turns out
 * to be unknown, never for a redirect. A client the store has refused is remembered here until its
 * wait is over, so while blocked it costs one Map look-up per request and no store call (the idea
 * of rate-limiter-flexible's inMemoryBlockOnConsumed).
 */
export class UnknownCodeGuard {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly limiter: RateLimiter,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when some client is blocked: the hot path skips everything else when it is not. */
  get anyBlocked(): boolean {
    return this.blockedUntil.size > 0;
  }

  /** Seconds `client` still has to wait, or 0. Synchronous: may run on every request. */
  retryAfterSeconds(client: string): number {
    const key = clientLimitKey(client);
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.blockedUntil.delete(key);
    return 0;
  }

  /** Counts one unknown code for `client` (an IPv6 client: its /64 network) in the shared store. */
  async countUnknown(client: string): Promise<RateLimitDecision> {
    const key = clientLimitKey(client);
    const decision = await this.limiter.consume(key);
    if (!decision.allowed) this.remember(key, decision.retryAfterSeconds);
    return decision;
  }

  private remember(client: string, retryAfterSeconds: number) {
    if (this.blockedUntil.size >= MAX_REMEMBERED_BLOCKS) this.forgetExpired();
    if (this.blockedUntil.size >= MAX_REMEMBERED_BLOCKS) {
      const oldest = this.blockedUntil.keys().next().value;
      if (oldest !== undefined) this.blockedUntil.delete(oldest);
    }
    this.blockedUntil.delete(client); // re-insert: Map order stays oldest first
    this.blockedUntil.set(client, this.now() + retryAfterSeconds * 1000);
  }

  private forgetExpired() {
    const now = this.now();
    for (const [client, until] of this.blockedUntil)
      if (until <= now) this.blockedUntil.delete(client);
  }
}
