// @newsroom/publishing: what readers see. Read-only access to published articles, their
// related links and their HTML; writing articles belongs to the newsroom side.
export {
  DEFAULT_PAGE_SIZE,
  findPublishedArticle,
  findPublishedArticlePath,
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
export { resolveRelatedLinks } from './related-links';
export { renderStoredArticle, type StoredArticleContent } from './render-stored-article';
export { newsArticleJsonLd, serializeJsonLd, type NewsArticleJsonLdInput } from './seo/json-ld';
export { PUBLISHED } from './status';
export { renderLeadImage, toArticleImage, type ArticleImage } from './images/article-image';
