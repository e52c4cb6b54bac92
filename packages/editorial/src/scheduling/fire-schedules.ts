import { ARTICLE_STATUS } from '@newsroom/article';
import { hasRole } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { EditorialError } from '../errors';
import { requireReadyToPublish } from '../articles/publish-readiness';
import { writeIfVersionMatches } from '../articles/save-article';

/** Due schedules handled per round; the next round (a second later) takes the rest. */
const BATCH = 20;

export interface FiredSchedule {
  articleId: string;
  outcome: 'published' | 'cancelled';
  /** Why a schedule was cancelled instead of published. */
  reason?: string;
}

/** Statuses that can carry a schedule: "Publish at" a draft, "Update at" a live article. */
const SCHEDULABLE = [ARTICLE_STATUS.scheduled, ARTICLE_STATUS.published];

/**
 * Publishes every article whose "Publish at" / "Update at" has come (including ones missed while
 * no instance ran). Safe to run in several processes at once: each publication is a conditional
 * UPDATE that claims the schedule (`scheduledAt <= now AND status = seen AND version = seen`), so
 * exactly one process wins it, records the revision and announces the live change.
 */
export async function fireDueSchedules(db: Db, now = new Date()): Promise<FiredSchedule[]> {
  const due = await db.article.findMany({
    where: { status: { in: SCHEDULABLE }, scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    take: BATCH,
    select: {
      id: true,
      status: true,
      version: true,
      publishedAt: true,
      authorId: true,
      scheduledById: true,
    },
  });
  const fired: FiredSchedule[] = [];
  for (const article of due) {
    const result = await fireOne(db, article, now);
    if (result) fired.push(result);
  }
  return fired;
}

/**
 * Why the person who scheduled it can no longer have it published: deactivated, or no longer an
 * editor, since. A schedule is their decision, taken with their rights of the time.
 */
async function schedulerRefusal(db: Db, scheduledById: string | null): Promise<string | null> {
  if (!scheduledById) return null;
  const scheduler = await db.user.findUnique({
    where: { id: scheduledById },
    select: { email: true, role: true, deactivatedAt: true },
  });
  if (!scheduler) return 'whoever scheduled it no longer exists';
  if (scheduler.deactivatedAt) return `${scheduler.email}, who scheduled it, has been deactivated`;
  if (!hasRole(scheduler, 'editor'))
    return `${scheduler.email}, who scheduled it, is no longer an editor`;
  return null;
}

type DueArticle = {
  id: string;
  status: string;
  version: number;
  publishedAt: Date | null;
  authorId: string;
  scheduledById: string | null;
};

async function fireOne(db: Db, article: DueArticle, now: Date): Promise<FiredSchedule | null> {
  // The schedule was checked and allowed by an editor; the revision is theirs.
  const actor = { id: article.scheduledById ?? article.authorId, role: 'editor' as const };
  const claim = { status: article.status, scheduledAt: { lte: now } };
  const isLive = article.status === ARTICLE_STATUS.published;
  const refusal =
    (await schedulerRefusal(db, article.scheduledById)) ??
    (await requireReadyToPublish(db, article.id, now).then(
      () => null,
      (error: unknown) => {
        if (!(error instanceof EditorialError)) throw error;
        return error.message;
      },
    ));
  if (refusal) {
    // Can't go live (the working copy changed since, or its editor may no longer publish): stop
    // retrying, and leave a revision that says so in the article's history.
    const cancelled = await writeIfVersionMatches(db, actor, article.id, article.version, {
      data: {
        status: isLive ? ARTICLE_STATUS.published : ARTICLE_STATUS.draft,
        scheduledAt: null,
        scheduledById: null,
      },
      where: claim,
      now,
      revision: async () => 'schedule-cancelled',
    });
    return cancelled ? { articleId: article.id, outcome: 'cancelled', reason: refusal } : null;
  }
  const published = await writeIfVersionMatches(db, actor, article.id, article.version, {
    data: {
      status: ARTICLE_STATUS.published,
      publishedAt: article.publishedAt ?? now,
      liveVersion: article.version + 1,
      scheduledAt: null,
      scheduledById: null,
    },
    where: claim,
    live: { action: 'publish', reason: isLive ? 'update' : 'schedule' },
    now,
    revision: async () => 'publish',
  });
  // null: another instance claimed it first, or an autosave moved the version (next round).
  return published ? { articleId: article.id, outcome: 'published' } : null;
}
