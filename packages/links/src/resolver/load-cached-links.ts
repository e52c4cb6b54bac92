import { absoluteUrl, articlePath } from '@newsroom/article';
import { Prisma, type Db } from '@newsroom/db';
import { applyUtm } from '../forwarding/utm';
import type { CachedLink } from './link-resolver';

type LinkRow = {
  code: string;
  codeKey: string | null;
  id: string;
  url: string;
  redirectType: number | bigint;
  disabled: boolean | number | bigint;
  expiresAt: Date | string | number | null;
  forwardQuery: boolean | number | bigint;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  articleId: string | null;
  liveSlug: string | null;
  liveSectionSlug: string | null;
};

/**
 * The cache misses of one event-loop tick, read in one query. Raw SQL rather than `findMany`:
 * this runs for every code whose cache entry expired, and skipping Prisma's query compiler
 * halves its cost for batches of ~50 codes (the usual size under load). The drivers disagree on
 * types (SQLite booleans and dates), so rows are normalized here.
 * Keys are lower-case codes (`codeKey`), or the exact spelling of a code that clashes by case
 * (those links have no codeKey). `isLoop` says whether a stored destination is the shortener
 * itself (such links answer 410).
 *
 * An article's canonical link follows the article: it goes to the article's live URL of the
 * moment (renamed slug, moved section) on `editorUrl`, and is "not live" while the article is
 * unpublished or scheduled, whatever URL it was made with.
 */
export async function loadCachedLinks(
  db: Db,
  keys: string[],
  editorUrl: string,
  isLoop: (code: string, url: string) => boolean = () => false,
): Promise<Map<string, CachedLink>> {
  const rows = await db.$queryRaw<LinkRow[]>`
    SELECT l."code", l."codeKey", l."id", l."url", l."redirectType", l."disabled", l."expiresAt",
      l."forwardQuery", l."utmSource", l."utmMedium", l."utmCampaign", l."utmTerm", l."utmContent",
      l."articleId", live."slug" AS "liveSlug", section."slug" AS "liveSectionSlug"
    FROM "ShortLink" l
    LEFT JOIN "ArticleLive" live ON live."articleId" = l."articleId"
    LEFT JOIN "Section" section ON section."id" = live."sectionId"
    WHERE l."codeKey" IN (${Prisma.join(keys)})
      OR (l."codeKey" IS NULL AND l."code" IN (${Prisma.join(keys)}))`;
  const links = new Map<string, CachedLink>();
  for (const row of rows) {
    const link: CachedLink = {
      id: row.id,
      // The UTM fields are applied once here, not per redirect.
      url: applyUtm(row.url, row),
      redirectType: Number(row.redirectType),
      disabled: Boolean(row.disabled) || isLoop(row.code, row.url),
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).getTime(),
      forwardQuery: Boolean(row.forwardQuery),
    };
    if (row.articleId !== null) followArticle(link, row, editorUrl);
    links.set(row.codeKey ?? row.code, link);
  }
  return links;
}

function followArticle(link: CachedLink, row: LinkRow, editorUrl: string): void {
  if (row.liveSlug === null || row.liveSectionSlug === null) {
    link.articleNotLive = true;
    return;
  }
  const livePath = articlePath({ slug: row.liveSlug, section: { slug: row.liveSectionSlug } });
  link.url = applyUtm(absoluteUrl(editorUrl, livePath), row);
}
