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
export { PUBLISHED } from './status';
export {
  notifyLiveChange,
  onLiveChange,
  type LiveChange,
  type LiveChangeListener,
  type LiveChangeReason,
  type LiveLocation,
} from './live/live-changes';
