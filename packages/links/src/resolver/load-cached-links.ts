import { absoluteUrl, articlePath } from '@newsroom/article';
import { Prisma, type Db } from '@newsroom/db';
import type { CachedLink } from './link-resolver';

type LinkRow = {
  code: string;
  id: string;
  url: string;
  redirectType: number | bigint;
  disabled: boolean | number | bigint;
  expiresAt: Date | string | number | null;
  articleId: string | null;
  liveSlug: string | null;
  liveSectionSlug: string | null;
};

/**
 * The cache misses of one event-loop tick, read in one query. Raw SQL rather than `findMany`:
 * this runs for every code whose cache entry expired, and skipping Prisma's query compiler
 * halves its cost for batches of ~50 codes (the usual size under load). The drivers disagree on
 * types (SQLite booleans and dates), so rows are normalized here.
 *
 * An article's canonical link follows the article: it goes to the article's live URL of the
 * moment (renamed slug, moved section), and is "not live" while the article is unpublished or
 * scheduled, whatever URL it was made with.
 */
export async function loadCachedLinks(
  db: Db,
  codes: string[],
  editorUrl: string,
): Promise<Map<string, CachedLink>> {
  const rows = await db.$queryRaw<LinkRow[]>`
    SELECT l."code", l."id", l."url", l."redirectType", l."disabled", l."expiresAt", l."articleId",
      live."slug" AS "liveSlug", section."slug" AS "liveSectionSlug"
    FROM "ShortLink" l
    LEFT JOIN "ArticleLive" live ON live."articleId" = l."articleId"
    LEFT JOIN "Section" section ON section."id" = live."sectionId"
    WHERE l."code" IN (${Prisma.join(codes)})`;
  const links = new Map<string, CachedLink>();
  for (const row of rows) {
    const link: CachedLink = {
      id: row.id,
      url: row.url,
      redirectType: Number(row.redirectType),
      disabled: Boolean(row.disabled),
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).getTime(),
    };
    if (row.articleId !== null) {
      if (row.liveSlug !== null && row.liveSectionSlug !== null)
        link.url = absoluteUrl(
          editorUrl,
          articlePath({ slug: row.liveSlug, section: { slug: row.liveSectionSlug } }),
        );
      else link.articleNotLive = true;
    }
    links.set(row.code, link);
  }
  return links;
}
