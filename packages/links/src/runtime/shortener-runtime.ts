import { getDb, type Db, type ShortLink } from '@newsroom/db';
import { processSharedState, type SharedState } from '@newsroom/shared-state';
import { ClickBuffer } from '../clicks/click-buffer';
import { readShortenerConfig, type ShortenerConfig } from '../config';
import { caseClashKeysOf, codeKeyOf, reconcileCaseKeys } from '../links/case-keys';
import { editLink, type LinkActor } from '../links/link-edits';
import { createLink, deleteLink, findLink, type CreateLinkOptions } from '../links/link-service';
import { liveArticleAddresses, toLinkView, type LinkView } from '../links/link-view';
import { UnknownCodeGuard } from '../limits/unknown-code-guard';
import { batchLoader } from '../resolver/batch-loader';
import { LinkResolver } from '../resolver/link-resolver';
import { loadCachedLinks, loadMostClickedLinks } from '../resolver/load-cached-links';
import { utcDay } from '../clicks/click-buffer';
import { destinationHost } from '../validation/destination-host';
import { compileDestinationPolicy, type DestinationPolicy } from '../validation/destination-policy';
import { linkSchemas, type CreateLinkInput, type UpdateLinkInput } from '../validation/link-input';
import { countryLookup } from '../visits/country';
import { createVisitClassifier } from '../visits/visit-classifier';

/** Messages on this topic are codes whose link changed: every instance forgets them. */
export const LINK_CHANGES_TOPIC = 'shortener.link-changed';
const RATE_WINDOW_SECONDS = 60;

/**
 * Everything one shortener thread shares: the link cache, the click buffer, the rate limiters.
 * Every change to a link goes through `linkChanged(code)` (createLink / updateLink / deleteLink
 * here call it): the code is forgotten in this process at once and announced on the shared
 * change feed, so every other instance forgets it too (within a second; the cache TTL remains
 * the safety net should a message be lost).
 */
export type ShortenerRuntime = ReturnType<typeof createShortenerRuntime>;

export function createShortenerRuntime(db: Db, config: ShortenerConfig, shared: SharedState) {
  /** Keys of links that clashed by case before codes were case-insensitive (few or none). */
  const caseClashKeys = new Set<string>();
  const learnCaseClashKeys = async () => {
    const keys = await caseClashKeysOf(db);
    caseClashKeys.clear();
    for (const key of keys) caseClashKeys.add(key);
  };
  // Every thread's runtime learns them (the redirect thread resolves with them, the Next.js
  // worker refuses new aliases that clash); a failure only weakens the latter until a restart.
  let caseClashKeysLearnt = learnCaseClashKeys().catch((error: unknown) =>
    console.error('Could not read the short links that clash by case:', error),
  );
  const policy = compileDestinationPolicy({
    ownHosts: config.ownHosts,
    allowed: config.allowedDestinations,
  });
  const isLoop = loopGuard(policy);
  const resolver = new LinkResolver({
    load: batchLoader((keys) =>
      loadCachedLinks(db, keys, config.editorUrl, isLoop, config.deletedCodeReserveDays),
    ),
    ttlMs: config.cacheTtlMs,
    maxBytes: config.cacheMaxBytes,
    negativeMax: config.negativeCacheMax,
    keyOf: (code) => {
      const key = codeKeyOf(code);
      // A clashing code is looked up by its exact spelling; everything else in any case.
      return caseClashKeys.size !== 0 && caseClashKeys.has(key) ? code : key;
    },
  });
  const stopListening = shared.changes.subscribe(LINK_CHANGES_TOPIC, (code) =>
    resolver.invalidate(code),
  );
  // Changes announced while the feed was away were missed: none of the cached links is trusted.
  const stopResuming = shared.changes.onResumed(() => resolver.invalidateAll());

  /** Told of every change made through this runtime (e.g. to pass it to another thread). */
  const changeListeners = new Set<(code: string) => void>();

  async function linkChanged(code: string): Promise<void> {
    resolver.invalidate(code); // here at once, whatever happens to the broadcast
    for (const listener of changeListeners) listener(code);
    try {
      await shared.changes.publish(LINK_CHANGES_TOPIC, code);
    } catch (error) {
      console.error(
        `Could not announce the change of "${code}" to other instances (they follow within ${config.cacheTtlMs} ms):`,
        error,
      );
    }
  }

  /** Links as the API and the staff pages show them: an article's link with its article's address now. */
  async function viewsOf(links: readonly ShortLink[]): Promise<LinkView[]> {
    const articleIds = links.flatMap((link) => (link.articleId ? [link.articleId] : []));
    const addresses = await liveArticleAddresses(db, articleIds, config.editorUrl);
    return links.map((link) =>
      toLinkView(link, config.baseUrl, link.articleId ? addresses.get(link.articleId) : undefined),
    );
  }

  return {
    db,
    config,
    resolver,
    schemas: linkSchemas({ ownHosts: config.ownHosts, allowed: config.allowedDestinations }),
    clicks: new ClickBuffer({
      db,
      intervalMs: config.clickFlushIntervalMs,
      flushEvery: config.clickFlushEvery,
    }),
    /** Visit details per click (undefined when SHORTENER_VISIT_DETAILS=0). */
    visits: config.visitDetails
      ? createVisitClassifier({ countries: () => countryLookup(config.countryDbPath) })
      : undefined,
    /** Link creations per API key, counted across instances. */
    createLimiter: shared.rateLimiter({
      name: 'shortener-create',
      points: config.createLimitPerMinute,
      windowSeconds: RATE_WINDOW_SECONDS,
    }),
    /** Unknown-code lookups per client, counted across instances. */
    unknownCodes: new UnknownCodeGuard(
      shared.rateLimiter({
        name: 'shortener-unknown-code',
        points: config.unknownLimitPerMinute,
        windowSeconds: RATE_WINDOW_SECONDS,
      }),
    ),
    linkChanged,
    /** Calls `listener` with the code of each change made through this runtime; returns the unsubscribe. */
    onLinkChanged(listener: (code: string) => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    async createLink(input: CreateLinkInput, options?: CreateLinkOptions) {
      await caseClashKeysLearnt;
      const result = await createLink(db, input, {
        caseClashKeys,
        readerSiteUrl: config.editorUrl,
        deletedCodeReserveDays: config.deletedCodeReserveDays,
        ...options,
      });
      // Instances may remember the code as unknown from a lookup before it existed.
      await linkChanged(result.link.code);
      return result;
    },
    /** Changes a link and records the change (who, what, when) in its change log. */
    async updateLink(code: string, input: UpdateLinkInput, actor: LinkActor) {
      const { link } = await editLink(db, code, input, actor);
      await linkChanged(link.code);
      return link;
    },
    viewsOf,
    async viewOf(link: ShortLink): Promise<LinkView> {
      const [view] = await viewsOf([link]);
      return view!;
    },
    async deleteLink(code: string) {
      const link = await deleteLink(db, (await findLink(db, code))?.code ?? code, {
        deletedCodeReserveDays: config.deletedCodeReserveDays,
      });
      await linkChanged(link.code);
      return link;
    },
    /**
     * At start (the redirect thread, before it listens): gives links whose case clash is gone
     * their key, and learns the keys that still clash (looked up by exact spelling, refused as
     * new aliases). Returns the report to print.
     */
    async reconcileCaseKeys() {
      const report = await reconcileCaseKeys(db);
      caseClashKeysLearnt = learnCaseClashKeys();
      await caseClashKeysLearnt;
      for (const code of report.claimed) resolver.invalidate(code);
      return report;
    },

    /**
     * At start (the redirect thread, after reconcileCaseKeys, before it listens): reads the
     * SHORTENER_CACHE_WARM links with the most clicks of the last days into the cache, so that
     * a fresh instance does not send its first burst of redirects to the database. Returns how
     * many it stored.
     */
    async warmCache(): Promise<number> {
      if (config.cacheWarm === 0) return 0;
      return resolver.warm(() =>
        loadMostClickedLinks(db, {
          limit: config.cacheWarm,
          today: utcDay(Date.now()),
          editorUrl: config.editorUrl,
          isLoop,
        }),
      );
    },

    /** Resolves once changes made through other instances are being received. */
    ready: () => shared.ready(),
    /** Stops listening for changes and closes the shared store's connections. */
    async close() {
      stopListening();
      stopResuming();
      await shared.close();
    },
  };
}

/**
 * Links stored before destinations were checked may point at the shortener itself (in some other
 * spelling): such a link redirects to itself until the browser gives up, counting a click each
 * time. They answer 410 like a disabled link (checked when a link is loaded into the cache, not
 * per redirect), and the log says which, once per code.
 */
function loopGuard(policy: DestinationPolicy) {
  const reported = new Set<string>();
  // Per origin: links share few destination hosts, and judging one parses it with ipaddr.js
  // (most of the cost of loading a link into the cache, before this memo).
  const ownOrigins = new Map<string, boolean>();
  const isOwn = (url: URL): boolean => {
    const origin = `${url.protocol}//${url.host}`;
    let own = ownOrigins.get(origin);
    if (own === undefined) {
      own = policy.isOwn(destinationHost(url));
      if (ownOrigins.size >= 10_000) ownOrigins.clear();
      ownOrigins.set(origin, own);
    }
    return own;
  };
  return (code: string, url: string): boolean => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (!isOwn(parsed)) return false;
    if (!reported.has(code) && reported.size < 10_000) {
      reported.add(code);
      console.warn(
        `Short link "${code}" points at the shortener itself (${url}); it answers 410 until its destination is changed.`,
      );
    }
    return true;
  };
}

// A symbol registered globally, so that the code run by tsx (server.ts, the Next.js worker's
// entry) and the route handlers (bundled by Next.js, i.e. a second copy of this module) find the
// SAME runtime in one thread. The redirect thread and the Next.js worker thread each have one;
// changes made in the worker reach the redirect thread's cache by message (onLinkChanged).
const RUNTIME_KEY = Symbol.for('newsroom.shortener.runtime');
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: ShortenerRuntime };

/** This thread's runtime, created on first use from the environment (REDIS_URL: see shared-state). */
export function getShortenerRuntime(): ShortenerRuntime {
  const global = globalThis as GlobalWithRuntime;
  if (!global[RUNTIME_KEY]) {
    global[RUNTIME_KEY] = createShortenerRuntime(
      getDb(),
      readShortenerConfig(),
      processSharedState(),
    );
  }
  return global[RUNTIME_KEY];
}
