import { sectionPath } from '@newsroom/article';

/** How many articles a feed carries (site or section). */
export const FEED_ARTICLE_COUNT = 50;
/** The sitemap protocol's limit per file; past it, sitemap.xml becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News lists articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_SITEMAP_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_MAX_URLS = 1_000;
/** Caches in front may keep feeds and sitemaps this long (seconds); readers poll, nobody waits. */
export const FEED_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=600';

export type FeedFormat = 'rss' | 'atom';

const FEED_FILE: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml' };

/** The route files under apps/editor/app follow these paths. */
export const FEED_PATHS = {
  sitemap: '/sitemap.xml',
  newsSitemap: '/news-sitemap.xml',
  robots: '/robots.txt',
} as const;

/** `/feed.xml`, `/atom.xml`, or the same under a section: `/world/feed.xml`. */
export function feedPath(format: FeedFormat, section?: { slug: string }): string {
  return section ? `${sectionPath(section)}/${FEED_FILE[format]}` : `/${FEED_FILE[format]}`;
}

/** One part of a sitemap index: `/sitemaps/1.xml`, … */
export const sitemapPagePath = (page: number) => `/sitemaps/${page}.xml`;

export const FEED_CONTENT_TYPES: Record<FeedFormat | 'sitemap', string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  sitemap: 'application/xml; charset=utf-8',
};

/** What identifies the site in feeds and the news sitemap. */
export interface SiteInfo {
  name: string;
  /** Public base URL (EDITOR_URL), no trailing slash needed. */
  baseUrl: string;
  /** BCP 47, e.g. `en`. */
  language: string;
}
