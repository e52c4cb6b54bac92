import { headers } from 'next/headers';
import {
  articleTag,
  listTag,
  READER_RENDER_HEADER,
  recordPageDependencies,
  SECTIONS_TAG,
} from '@newsroom/reader-cache';

/**
 * Tells the reader-page cache what this page shows, so it is dropped exactly when one of those
 * things changes. Outside the cache's own render (a request straight to Next.js) it does nothing.
 */
async function pageDependsOn(tags: string[]): Promise<void> {
  // Every reader page shows the sections' names in order (the site header's navigation).
  recordPageDependencies((await headers()).get(READER_RENDER_HEADER), [...tags, SECTIONS_TAG]);
}

/** A list page: the list itself (who is in it, in what order) and every article it shows. */
export function listPageDependsOn(sectionSlug: string | null, articles: { id: string }[]) {
  return pageDependsOn([
    listTag(sectionSlug),
    ...articles.map((article) => articleTag(article.id)),
  ]);
}

/** An article page: the article and every article its related links name. */
export function articlePageDependsOn(article: { id: string; relatedArticleIds: string[] }) {
  return pageDependsOn([article.id, ...article.relatedArticleIds].map(articleTag));
}
