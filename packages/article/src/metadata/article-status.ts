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

/**
 * How far ahead "Publish at" / "Update at" may be: a year and a day. Further is a typo (2062 for
 * 2026) that would hide a finished story until someone noticed it missing.
 */
export const SCHEDULE_MAX_DAYS_AHEAD = 366;

/** The latest moment an article may be scheduled for, seen from `now`. */
export function latestScheduleTime(now: Date): Date {
  return new Date(now.getTime() + SCHEDULE_MAX_DAYS_AHEAD * 86_400_000);
}
