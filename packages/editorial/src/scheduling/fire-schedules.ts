import { ARTICLE_STATUS } from '@newsroom/article';
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
  try {
    await requireReadyToPublish(db, article.id, now);
  } catch (error) {
    if (!(error instanceof EditorialError)) throw error;
    // The working copy changed since it was scheduled and can't go live: stop retrying it.
    const cancelled = await writeIfVersionMatches(db, actor, article.id, article.version, {
      data: {
        status: isLive ? ARTICLE_STATUS.published : ARTICLE_STATUS.draft,
        scheduledAt: null,
        scheduledById: null,
      },
      where: claim,
      now,
      revision: async () => null,
    });
    return cancelled
      ? { articleId: article.id, outcome: 'cancelled', reason: error.message }
      : null;
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
