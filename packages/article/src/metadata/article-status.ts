/**
 * The newsroom's states of an article. Only `published` articles have a live version that
 * readers see; `scheduled` ones become published at their "Publish at" time.
 */
export const ARTICLE_STATUS = {
  draft: 'draft',
  scheduled: 'scheduled',
  published: 'published',
} as const;

export type ArticleStatus = (typeof ARTICLE_STATUS)[keyof typeof ARTICLE_STATUS];

export const ARTICLE_STATUSES: readonly ArticleStatus[] = Object.values(ARTICLE_STATUS);

export function toArticleStatus(value: string): ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value)
    ? (value as ArticleStatus)
    : ARTICLE_STATUS.draft;
}
