import { absoluteUrl, articlePath } from '@newsroom/article';
import type { Db, ShortLink } from '@newsroom/db';
import { UTM_FIELDS, applyUtm, type UtmValues } from '../forwarding/utm';

/** A link as the API and the staff pages show it. */
export type LinkView = {
  code: string;
  shortUrl: string;
  url: string;
  /** Where the link sends visitors: url with the UTM fields (plus the visitor's query, if forwarded). */
  redirectsTo: string;
  forwardQuery: boolean;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  articleId: string | null;
  redirectType: number;
  expiresAt: string | null;
  disabled: boolean;
  createdAt: string;
};

export type ClickStats = { total: number; days: { day: string; count: number }[] };

/** A code's short URL on the shortener at `baseUrl`. */
export const shortUrlOf = (baseUrl: string, code: string) => `${baseUrl}/${code}`;

/**
 * `articleAddress`: where the link's article lives now (see liveArticleAddresses). An article's
 * link follows its article, so the address stored when the link was made goes stale with the
 * first change of slug or section; it is shown only while the article is not live.
 */
export function toLinkView(link: ShortLink, baseUrl: string, articleAddress?: string): LinkView {
  const url = articleAddress ?? link.url;
  return {
    code: link.code,
    shortUrl: shortUrlOf(baseUrl, link.code),
    url,
    redirectsTo: applyUtm(url, link),
    forwardQuery: link.forwardQuery,
    ...(Object.fromEntries(UTM_FIELDS.map((field) => [field, link[field]])) as Required<UtmValues>),
    articleId: link.articleId,
    redirectType: link.redirectType,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    disabled: link.disabled,
    createdAt: link.createdAt.toISOString(),
  };
}

/** Why a link does not redirect right now, or null when it does. */
export function linkState(
  link: Pick<ShortLink, 'disabled' | 'expiresAt'>,
  now = Date.now(),
): 'active' | 'disabled' | 'expired' {
  if (link.disabled) return 'disabled';
  if (link.expiresAt && link.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

/** Article id → its live address on the reader site, for those of `articleIds` that are live. */
export async function liveArticleAddresses(
  db: Db,
  articleIds: readonly string[],
  readerSiteUrl: string,
): Promise<Map<string, string>> {
  if (articleIds.length === 0) return new Map();
  const live = await db.articleLive.findMany({
    where: { articleId: { in: [...new Set(articleIds)] } },
    select: { articleId: true, slug: true, section: { select: { slug: true } } },
  });
  return new Map(
    live.map((article) => [article.articleId, absoluteUrl(readerSiteUrl, articlePath(article))]),
  );
}
