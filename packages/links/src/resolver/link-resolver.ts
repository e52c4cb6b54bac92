import { LRUCache } from 'lru-cache';

/** What the redirect needs to know about a link; small, so 200,000 of them fit in a few dozen MB. */
export type CachedLink = {
  id: string;
  url: string;
  redirectType: number;
  disabled: boolean;
  /** Epoch milliseconds, or null for "never". */
  expiresAt: number | null;
  /** An article's canonical link while the article is not live (never published, or taken down). */
  articleNotLive?: true;
};

export type LoadLink = (code: string) => Promise<CachedLink | null>;

export type LinkResolverOptions = {
  load: LoadLink;
  ttlMs: number;
  max: number;
  negativeMax: number;
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
  /** Bumped by every invalidation: a read that started before it must not refill the cache. */
  private generation = 0;

  constructor({ load, ttlMs, max, negativeMax }: LinkResolverOptions) {
    this.loadLink = load;
    this.known = new LRUCache({ max, ttl: ttlMs, ttlAutopurge: false });
    this.unknown = new LRUCache({ max: negativeMax, ttl: ttlMs, ttlAutopurge: false });
  }

  /** Synchronous look-up: the link, null when known not to exist, undefined when not cached. */
  peek(code: string): CachedLink | null | undefined {
    const link = this.known.get(code);
    if (link) return link;
    return this.unknown.has(code) ? null : undefined;
  }

  /** The link for `code` (null when there is none), from the cache or the database. */
  resolve(code: string): CachedLink | null | Promise<CachedLink | null> {
    const cached = this.peek(code);
    return cached !== undefined ? cached : this.load(code);
  }

  private load(code: string): Promise<CachedLink | null> {
    const pending = this.inFlight.get(code);
    if (pending) return pending;
    const startedAt = this.generation;
    const promise = this.loadLink(code)
      .then((link) => {
        if (startedAt === this.generation) this.remember(code, link);
        return link;
      })
      .finally(() => {
        if (this.inFlight.get(code) === promise) this.inFlight.delete(code);
      });
    this.inFlight.set(code, promise);
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

  /** Forget `code` (changed, deleted, or just created in this process). */
  invalidate(code: string): void {
    this.generation += 1;
    this.known.delete(code);
    this.unknown.delete(code);
    this.inFlight.delete(code);
  }

  get size() {
    return { known: this.known.size, unknown: this.unknown.size };
  }
}
