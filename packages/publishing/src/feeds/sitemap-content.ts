import type { Db } from '@newsroom/db';
import {
  countPublishedArticles,
  listPublishedArticleLocations,
  listPublishedArticles,
  MAX_PAGE_SIZE,
} from '../published-articles';
import {
  buildNewsSitemap,
  buildSitemapIndex,
  buildUrlSet,
  type NewsSitemapArticle,
} from './build-sitemap';
import {
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_HOURS,
  SITEMAP_MAX_URLS,
  sitemapPagePath,
  type SiteInfo,
} from './feed-settings';

/**
 * `/sitemap.xml`: the article pages, or, past `perFile` articles, an index of
 * `/sitemaps/<n>.xml` parts (newest first, so part 1 changes most).
 */
export async function sitemapXml(
  db: Db,
  baseUrl: string,
  perFile = SITEMAP_MAX_URLS,
): Promise<string> {
  const total = await countPublishedArticles(db);
  if (total <= perFile)
    return buildUrlSet(
      baseUrl,
      await listPublishedArticleLocations(db, { skip: 0, take: perFile }),
    );
  const parts = [];
  for (let page = 1; (page - 1) * perFile < total; page++) {
    const [newest] = await listPublishedArticleLocations(db, {
      skip: (page - 1) * perFile,
      take: 1,
    });
    // Later parts hold older articles; the first article of a part is its latest publication.
    parts.push({ path: sitemapPagePath(page), lastModified: newest?.updatedAt ?? new Date(0) });
  }
  return buildSitemapIndex(baseUrl, parts);
}

/** One part of the index, or null past the last part. */
export async function sitemapPartXml(
  db: Db,
  baseUrl: string,
  page: number,
  perFile = SITEMAP_MAX_URLS,
): Promise<string | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const locations = await listPublishedArticleLocations(db, {
    skip: (page - 1) * perFile,
    take: perFile,
  });
  return locations.length > 0 ? buildUrlSet(baseUrl, locations) : null;
}

/** Google News sitemap: what was published in the last 48 hours (at `now`). */
export async function newsSitemapXml(db: Db, site: SiteInfo, now = new Date()): Promise<string> {
  const since = now.getTime() - NEWS_SITEMAP_WINDOW_HOURS * 3600 * 1000;
  const recent: NewsSitemapArticle[] = [];
  for (let page = 1; recent.length < NEWS_SITEMAP_MAX_URLS; page++) {
    const { articles, hasNextPage } = await listPublishedArticles(db, {
      page,
      pageSize: MAX_PAGE_SIZE,
    });
    // Never a dateline still to come: Google News refuses future publication dates.
    const fresh = articles.filter(
      ({ publishedAt }) => publishedAt.getTime() >= since && publishedAt <= now,
    );
    recent.push(
      ...fresh.map((article) => ({
        path: article.path,
        title: article.title,
        publishedAt: article.publishedAt,
        updatedAt: article.publishedAt,
      })),
    );
    // Newest first: once one is older than the window, all the rest are too.
    if (!hasNextPage || articles.some(({ publishedAt }) => publishedAt.getTime() < since)) break;
  }
  return buildNewsSitemap(site, recent.slice(0, NEWS_SITEMAP_MAX_URLS));
}
