// @newsroom/publishing: what readers see. Read-only access to the live versions of published
// articles (ArticleLive), their related links, their HTML and their URL history, plus the one
// signal that a live version changed (`onLiveChange`); writing articles belongs to the newsroom.
export {
  DEFAULT_PAGE_SIZE,
  findCurrentArticlePath,
  findLiveArticlePath,
  findPublishedArticle,
  findSection,
  listPublishedArticles,
  listSections,
  MAX_PAGE_SIZE,
  type ArticleListPage,
  type ArticleSummary,
  type ListOptions,
  type PublishedArticle,
  type SectionSummary,
} from './published-articles';
export { parseRelatedJson, resolveRelatedLinks } from './related-links';
export { renderStoredArticle, type StoredArticleContent } from './render-stored-article';
export { newsArticleJsonLd, serializeJsonLd, type NewsArticleJsonLdInput } from './seo/json-ld';
export {
  notifyLiveChange,
  onLiveChange,
  type LiveChange,
  type LiveChangeListener,
  type LiveChangeReason,
  type LiveLocation,
} from './live/live-changes';
export {
  countPublishedArticles,
  listPublishedArticleLocations,
  type PublishedArticleLocation,
} from './published-articles';
export { absolutizeLinks, buildFeed, type FeedInput } from './feeds/build-feed';
export { loadFeedArticles, type FeedArticle } from './feeds/feed-articles';
export { feedXml } from './feeds/feed-content';
export {
  FEED_ARTICLE_COUNT,
  FEED_CACHE_CONTROL,
  FEED_CONTENT_TYPES,
  FEED_PATHS,
  feedPath,
  NEWS_SITEMAP_MAX_URLS,
  NEWS_SITEMAP_WINDOW_HOURS,
  SITEMAP_MAX_URLS,
  sitemapPagePath,
  type FeedFormat,
  type SiteInfo,
} from './feeds/feed-settings';
export {
  buildNewsSitemap,
  buildRobotsTxt,
  buildSitemapIndex,
  buildUrlSet,
  type NewsSitemapArticle,
  type SitemapPart,
} from './feeds/build-sitemap';
export { newsSitemapXml, sitemapPartXml, sitemapXml } from './feeds/sitemap-content';
export { renderLeadImage, toArticleImage, type ArticleImage } from './images/article-image';
