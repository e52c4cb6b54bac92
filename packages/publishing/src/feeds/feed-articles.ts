import type { Db } from '@newsroom/db';
import {
  findPublishedArticle,
  listPublishedArticles,
  type PublishedArticle,
} from '../published-articles';
import { renderStoredArticle } from '../render-stored-article';
import { FEED_ARTICLE_COUNT } from './feed-settings';

/** A published article with its full text (body, notes, related links) as reader HTML. */
export interface FeedArticle {
  article: PublishedArticle;
  html: string;
}

/**
 * The latest published articles with their text, through the same read functions as the reader
 * pages, so a feed shows exactly what the article page shows (and nothing unpublished).
 */
export async function loadFeedArticles(
  db: Db,
  options: { sectionSlug?: string; limit?: number } = {},
): Promise<FeedArticle[]> {
  const { articles } = await listPublishedArticles(db, {
    ...(options.sectionSlug !== undefined && { sectionSlug: options.sectionSlug }),
    pageSize: options.limit ?? FEED_ARTICLE_COUNT,
  });
  // One read per article, all at once: on PostgreSQL the pool runs them side by side.
  const found = await Promise.all(
    articles.map((summary) => findPublishedArticle(db, summary.section.slug, summary.slug)),
  );
  // An article unpublished between the two reads is left out, as the list would now.
  return found
    .filter((article): article is PublishedArticle => article !== null)
    .map((article) => ({ article, html: renderStoredArticle(article) }));
}
