import { LRUCache } from 'lru-cache';

/** What the redirect needs to know about a link (a few hundred bytes in memory: cachedLinkBytes). */
export type CachedLink = {
  id: string;
  url: string;
  redirectType: number;
  disabled: boolean;
  /** Epoch milliseconds, or null for "never". */
  expiresAt: number | null;
  /** Pass the visitor's query string on to the destination. */
  forwardQuery: boolean;
  /** An article's canonical link while the article is not live (never published, or taken down). */
  articleNotLive?: true;
  /**
   * No link has the code, but one had it until recently (its reservation, deleted-codes.ts): an
   * old poster or message still carries it. Answered 410, and not counted as a guess.
   */
  deleted?: true;
};

export type LoadLink = (code: string) => Promise<CachedLink | null>;

/**
 * Bytes of memory one cached link is counted for: its strings (V8 keeps one or two bytes a
 * character; two are counted), the entry and link objects, the two header objects built on its
 * first redirect, and the LRU's own slots. An estimate, on the safe side, that the memory budget
 * (SHORTENER_CACHE_MAX_MB) is divided by: about 3,000 links of ~60-character URLs per MB.
 */
export function cachedLinkBytes(key: string, link: CachedLink): number {
  return CACHED_LINK_OVERHEAD_BYTES + 2 * (key.length + link.id.length + link.url.length);
}
const CACHED_LINK_OVERHEAD_BYTES = 400;

export type LinkResolverOptions = {
  load: LoadLink;
  ttlMs: number;
  /** Memory budget of the known links, in bytes (see cachedLinkBytes); least recently used go first. */
  maxBytes: number;
  negativeMax: number;
  /** The clock (tests). */
  now?: () => number;
  /**
   * The cache key of a requested code, which is also what `load` receives. Default: the code
   * itself. The shortener folds case here (aliases resolve case-insensitively).
   */
  keyOf?: (code: string) => string;
};

function sameLink(a: CachedLink, b: CachedLink): boolean {
  return (
    a.id === b.id &&
    a.url === b.url &&
    a.redirectType === b.redirectType &&
    a.disabled === b.disabled &&
    a.expiresAt === b.expiresAt &&
    a.forwardQuery === b.forwardQuery &&
    a.articleNotLive === b.articleNotLive &&
    a.deleted === b.deleted
  );
}

/** A known link and until when it is trusted without reading it again. */
type Entry = { link: CachedLink; freshUntil: number };

/**
 * Code → link, from memory when possible. Known codes live in a bounded LRU and are trusted for
 * `ttlMs` (changes normally arrive sooner, through `invalidate`; the TTL is the safety net). Past
 * it, the next request is still answered from memory while the link is read again in the
 * background (stale-while-revalidate), so an expired entry never makes a redirect wait; past two
 * TTLs (the database unreachable meanwhile) the entry is no longer used at all. Unknown codes are
 * remembered in a second, smaller LRU, so someone trying random codes neither reaches the database
 * every time nor evicts real links. Concurrent misses for one code share one database read.
 */
export class LinkResolver {
  private readonly known: LRUCache<string, Entry>;
  private readonly unknown: LRUCache<string, true>;
  private readonly inFlight = new Map<string, Promise<CachedLink | null>>();
  private readonly loadLink: LoadLink;
  private readonly keyOf: (code: string) => string;
  /** Bumped by every invalidation: a read that started before it must not refill the cache. */
  private generation = 0;

  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor({
    load,
    ttlMs,
    maxBytes,
    negativeMax,
    now = Date.now,
    keyOf = (code) => code,
  }: LinkResolverOptions) {
    this.loadLink = load;
    this.keyOf = keyOf;
    this.ttlMs = ttlMs;
    this.now = now;
    this.known = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => cachedLinkBytes(key, entry.link),
    });
    this.unknown = new LRUCache({ max: negativeMax, ttl: ttlMs, ttlAutopurge: false });
  }

  /** Synchronous look-up: the link, null when known not to exist, undefined when not cached. */
  peek(code: string): CachedLink | null | undefined {
    return this.peekKey(this.keyOf(code));
  }

  private peekKey(code: string): CachedLink | null | undefined {
    const entry = this.known.get(code);
    if (entry) {
      const age = this.now() - entry.freshUntil;
      if (age < 0) return entry.link;
      if (age < this.ttlMs) {
        // A failed background read is not reported here: once the entry is too old to use, the
        // next request waits for a read and its failure is answered (503) and logged.
        if (!this.inFlight.has(code)) this.load(code).catch(() => undefined);
        return entry.link;
      }
      // Too old to use: read again. The entry stays until then (the read usually finds the same
      // link and only renews it: no delete and insert per request when codes come back rarely).
      return undefined;
    }
    return this.unknown.has(code) ? null : undefined;
  }

  /** The link for `code` (null when there is none), from the cache or the database. */
  resolve(code: string): CachedLink | null | Promise<CachedLink | null> {
    const key = this.keyOf(code);
    const cached = this.peekKey(key);
    return cached !== undefined ? cached : this.load(key);
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
      const current = this.known.peek(code);
      if (current && sameLink(current.link, link)) {
        // Unchanged: renew it in place (and keep the object, whose redirect headers are built).
        current.freshUntil = this.now() + this.ttlMs;
        return;
      }
      this.known.set(code, { link, freshUntil: this.now() + this.ttlMs });
      this.unknown.delete(code);
    } else {
      this.known.delete(code); // deleted meanwhile
      this.unknown.set(code, true);
    }
  }

  /**
   * Fills the cache before the first request (server start) with links read by `read`, in the
   * order given (the last ones are kept longest). A change announced while they are being read
   * wins: then nothing is stored, and those links are read on their first request as usual.
   * Returns how many links were stored.
   */
  async warm(read: () => Promise<Map<string, CachedLink>>): Promise<number> {
    const startedAt = this.generation;
    const links = await read();
    if (startedAt !== this.generation) return 0;
    for (const [key, link] of links) this.remember(key, link);
    return links.size;
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

  /**
   * Forgets every link (the change feed was lost for a while: any of them may have changed
   * unannounced). They are read again on their next request.
   */
  invalidateAll(): void {
    this.generation += 1;
    this.known.clear();
    this.unknown.clear();
    this.inFlight.clear();
  }

  get size() {
    return { known: this.known.size, unknown: this.unknown.size, bytes: this.known.calculatedSize };
  }
}
