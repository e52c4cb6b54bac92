import { absoluteUrl, articlePath } from '@newsroom/article';
import { getDb, type Db } from '@newsroom/db';
import { ClickBuffer } from '../clicks/click-buffer';
import { readShortenerConfig, type ShortenerConfig } from '../config';
import { createLink, deleteLink, updateLink, type CreateLinkOptions } from '../links/link-service';
import { FixedWindowLimiter } from '@newsroom/auth';
import { batchLoader } from '../resolver/batch-loader';
import { LinkResolver, type CachedLink } from '../resolver/link-resolver';
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
  const resolver = new LinkResolver({
    load: batchLoader((codes) => loadCachedLinks(db, codes, config.editorUrl)),
    ttlMs: config.cacheTtlMs,
    max: config.cacheMax,
    negativeMax: config.negativeCacheMax,
  });
  return {
    db,
    config,
    resolver,
    schemas: linkSchemas({ ownHosts: config.ownHosts }),
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
      const result = await createLink(db, input, options);
      // The code may sit in the negative cache from a lookup before it existed.
      resolver.invalidate(result.link.code);
      return result;
    },
    async updateLink(code: string, input: UpdateLinkInput) {
      const link = await updateLink(db, code, input);
      resolver.invalidate(code);
      return link;
    },
    async deleteLink(code: string) {
      const link = await deleteLink(db, code);
      resolver.invalidate(code);
      return link;
    },
  };
}

/**
 * Cache misses of one event-loop tick, read in one query. An article's canonical link follows
 * the article: it goes to the article's live URL of the moment (renamed slug, moved section),
 * and is "not live" while the article is unpublished or scheduled, whatever URL it was made with.
 */
async function loadCachedLinks(
  db: Db,
  codes: string[],
  editorUrl: string,
): Promise<Map<string, CachedLink>> {
  const links = await db.shortLink.findMany({
    where: { code: { in: codes } },
    select: {
      code: true,
      id: true,
      url: true,
      redirectType: true,
      disabled: true,
      expiresAt: true,
      articleId: true,
      article: {
        select: { live: { select: { slug: true, section: { select: { slug: true } } } } },
      },
    },
  });
  return new Map(
    links.map(({ code, expiresAt, articleId, article, ...link }) => {
      const cached: CachedLink = { ...link, expiresAt: expiresAt?.getTime() ?? null };
      if (articleId !== null) {
        const live = article?.live;
        if (live) cached.url = absoluteUrl(editorUrl, articlePath(live));
        else cached.articleNotLive = true;
      }
      return [code, cached];
    }),
  );
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
