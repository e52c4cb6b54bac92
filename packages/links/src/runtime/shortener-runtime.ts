import { getDb, type Db } from '@newsroom/db';
import { ClickBuffer } from '../clicks/click-buffer';
import { readShortenerConfig, type ShortenerConfig } from '../config';
import { applyUtm } from '../forwarding/utm';
import { codeKeyOf, reconcileCaseKeys } from '../links/case-keys';
import { editLink, type LinkActor } from '../links/link-edits';
import { createLink, deleteLink, findLink, type CreateLinkOptions } from '../links/link-service';
import { FixedWindowLimiter } from '@newsroom/auth';
import { batchLoader } from '../resolver/batch-loader';
import { LinkResolver, type CachedLink } from '../resolver/link-resolver';
import { destinationHost } from '../validation/destination-host';
import { compileDestinationPolicy, type DestinationPolicy } from '../validation/destination-policy';
import { linkSchemas, type CreateLinkInput, type UpdateLinkInput } from '../validation/link-input';
import { countryLookup } from '../visits/country';
import { createVisitClassifier } from '../visits/visit-classifier';

const MINUTE_MS = 60_000;

/**
 * Everything one shortener process shares: the link cache, the click buffer, the rate limiters.
 * Link changes go through `createLink` / `updateLink` / `deleteLink` here, which forget the code
 * in this process's cache at once (other instances follow within the cache TTL).
 */
export type ShortenerRuntime = ReturnType<typeof createShortenerRuntime>;

export function createShortenerRuntime(db: Db, config: ShortenerConfig) {
  /** Keys of links that clashed by case before codes were case-insensitive (few or none). */
  const caseClashKeys = new Set<string>();
  const policy = compileDestinationPolicy({
    ownHosts: config.ownHosts,
    allowed: config.allowedDestinations,
  });
  const isLoop = loopGuard(policy);
  const resolver = new LinkResolver({
    load: batchLoader((keys) => loadCachedLinks(db, keys, isLoop)),
    ttlMs: config.cacheTtlMs,
    max: config.cacheMax,
    negativeMax: config.negativeCacheMax,
    keyOf: (code) => {
      const key = codeKeyOf(code);
      // A clashing code is looked up by its exact spelling; everything else in any case.
      return caseClashKeys.size !== 0 && caseClashKeys.has(key) ? code : key;
    },
  });
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
    createLimiter: new FixedWindowLimiter(config.createLimitPerMinute, MINUTE_MS),
    unknownLimiter: new FixedWindowLimiter(config.unknownLimitPerMinute, MINUTE_MS),

    async createLink(input: CreateLinkInput, options?: CreateLinkOptions) {
      const result = await createLink(db, input, { caseClashKeys, ...options });
      // The code may sit in the negative cache from a lookup before it existed.
      resolver.invalidate(result.link.code);
      return result;
    },
    /** Changes a link and records the change (who, what, when) in its change log. */
    async updateLink(code: string, input: UpdateLinkInput, actor: LinkActor) {
      const { link } = await editLink(db, code, input, actor);
      resolver.invalidate(link.code);
      return link;
    },
    async deleteLink(code: string) {
      const link = await deleteLink(db, (await findLink(db, code))?.code ?? code);
      resolver.invalidate(link.code);
      return link;
    },
    /**
     * At start: gives links whose case clash is gone their key, and learns the keys that still
     * clash (looked up by exact spelling, refused as new aliases). Returns the report to print.
     */
    async reconcileCaseKeys() {
      const report = await reconcileCaseKeys(db);
      caseClashKeys.clear();
      for (const clash of report.clashes) caseClashKeys.add(clash.key);
      for (const code of report.claimed) resolver.invalidate(code);
      return report;
    },
  };
}

/**
 * Cache misses of one event-loop tick, read in one query. Keys are lower-case codes, or the exact
 * spelling of a code that clashes by case (those links have no codeKey).
 */
async function loadCachedLinks(
  db: Db,
  keys: string[],
  isLoop: (code: string, url: string) => boolean,
): Promise<Map<string, CachedLink>> {
  const links = await db.shortLink.findMany({
    where: { OR: [{ codeKey: { in: keys } }, { codeKey: null, code: { in: keys } }] },
    select: {
      code: true,
      codeKey: true,
      id: true,
      url: true,
      redirectType: true,
      disabled: true,
      expiresAt: true,
      forwardQuery: true,
      utmSource: true,
      utmMedium: true,
      utmCampaign: true,
      utmTerm: true,
      utmContent: true,
    },
  });
  return new Map(
    links.map((link) => [
      link.codeKey ?? link.code,
      {
        id: link.id,
        // The UTM fields are applied once here, not per redirect.
        url: applyUtm(link.url, link),
        redirectType: link.redirectType,
        disabled: link.disabled || isLoop(link.code, link.url),
        expiresAt: link.expiresAt?.getTime() ?? null,
        forwardQuery: link.forwardQuery,
      },
    ]),
  );
}

/**
 * Links stored before destinations were checked may point at the shortener itself (in some other
 * spelling): such a link redirects to itself until the browser gives up, counting a click each
 * time. They answer 410 like a disabled link (checked when a link is loaded into the cache, not
 * per redirect), and the log says which, once per code.
 */
function loopGuard(policy: DestinationPolicy) {
  const reported = new Set<string>();
  return (code: string, url: string): boolean => {
    let host;
    try {
      host = destinationHost(new URL(url));
    } catch {
      return false;
    }
    if (!policy.isOwn(host)) return false;
    if (!reported.has(code) && reported.size < 10_000) {
      reported.add(code);
      console.warn(
        `Short link "${code}" points at the shortener itself (${url}); it answers 410 until its destination is changed.`,
      );
    }
    return true;
  };
}

// A symbol registered globally, so that server.ts (run by tsx) and the route handlers (bundled
// by Next.js, i.e. a second copy of this module) find the SAME runtime in the one process.
const RUNTIME_KEY = Symbol.for('newsroom.shortener.runtime');
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: ShortenerRuntime };

/** The process-wide runtime, created on first use from the environment. */
export function getShortenerRuntime(): ShortenerRuntime {
  const global = globalThis as GlobalWithRuntime;
  global[RUNTIME_KEY] ??= createShortenerRuntime(getDb(), readShortenerConfig());
  return global[RUNTIME_KEY];
}
