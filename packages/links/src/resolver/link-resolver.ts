import { LRUCache } from 'lru-cache';

/** What the redirect needs to know about a link; small, so 200,000 of them fit in a few dozen MB. */
export type CachedLink = {
  id: string;
  url: string;
  redirectType: number;
  disabled: boolean;
  /** Epoch milliseconds, or null for "never". */
  expiresAt: number | null;
  /** Pass the visitor's query string on to the destination. */
  forwardQuery: boolean;
};

export type LoadLink = (code: string) => Promise<CachedLink | null>;

export type LinkResolverOptions = {
  load: LoadLink;
  ttlMs: number;
  max: number;
  negativeMax: number;
  /**
   * The cache key of a requested code, which is also what `load` receives. Default: the code
   * itself. The shortener folds case here (aliases resolve case-insensitively).
   */
  keyOf?: (code: string) => string;
};

/**
 * Code → link, from memory when possible. Known codes live in a bounded LRU with a TTL, so a
 * change made through another instance shows here within `ttlMs`; this instance's own changes
 * call `invalidate` and show at once. Unknown codes are remembered in a second, smaller LRU, so
 * someone trying random codes neither reaches the database every time nor evicts real links.
 * Concurrent misses for one code share one database read.
 */
export class LinkResolver {
  private readonly known: LRUCache<string, CachedLink>;
  private readonly unknown: LRUCache<string, true>;
  private readonly inFlight = new Map<string, Promise<CachedLink | null>>();
  private readonly loadLink: LoadLink;
  private readonly keyOf: (code: string) => string;
  /** Bumped by every invalidation: a read that started before it must not refill the cache. */
  private generation = 0;

  constructor({ load, ttlMs, max, negativeMax, keyOf = (code) => code }: LinkResolverOptions) {
    this.loadLink = load;
    this.keyOf = keyOf;
    this.known = new LRUCache({ max, ttl: ttlMs, ttlAutopurge: false });
    this.unknown = new LRUCache({ max: negativeMax, ttl: ttlMs, ttlAutopurge: false });
  }

  /** Synchronous look-up: the link, null when known not to exist, undefined when not cached. */
  peek(code: string): CachedLink | null | undefined {
    return this.peekKey(this.keyOf(code));
  }

  private peekKey(key: string): CachedLink | null | undefined {
    const link = this.known.get(key);
    if (link) return link;
    return this.unknown.has(key) ? null : undefined;
  }

  /** The link for `code` (null when there is none), from the cache or the database. */
  resolve(code: string): CachedLink | null | Promise<CachedLink | null> {
    const key = this.keyOf(code);
    const cached = this.peekKey(key);
    return cached !== undefined ? cached : this.load(key);
  }

  private load(key: string): Promise<CachedLink | null> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const startedAt = this.generation;
    const promise = this.loadLink(key)
      .then((link) => {
        if (startedAt === this.generation) this.remember(key, link);
        return link;
      })
      .finally(() => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  private remember(code: string, link: CachedLink | null) {
    if (link) {
      this.known.set(code, link);
      this.unknown.delete(code);
    } else {
      this.unknown.set(code, true);
    }
  }

  /** Forget `code` (changed, deleted, or just created in this process), in every spelling. */
  invalidate(code: string): void {
    this.generation += 1;
    for (const key of new Set([code, this.keyOf(code), code.toLowerCase()])) {
      this.known.delete(key);
      this.unknown.delete(key);
      this.inFlight.delete(key);
    }
  }

  get size() {
    return { known: this.known.size, unknown: this.unknown.size };
  }
}
