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
  const loaded: FeedArticle[] = [];
  for (const summary of articles) {
    const article = await findPublishedArticle(db, summary.section.slug, summary.slug);
    // Unpublished between the two reads: left out, like the list would now.
    if (article) loaded.push({ article, html: renderStoredArticle(article) });
  }
  return loaded;
}
