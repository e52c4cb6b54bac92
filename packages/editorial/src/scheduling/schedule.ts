import { ARTICLE_STATUS, latestScheduleTime, SCHEDULE_MAX_DAYS_AHEAD } from '@newsroom/article';
import type { Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { z } from 'zod';
import { EditorialError, invalid, notFound, validationErrorsOf } from '../errors';
import { requirePublisher } from '../articles/publish';
import { requireReadyToPublish } from '../articles/publish-readiness';
import {
  conflictOrForbidden,
  baseVersionSchema,
  dateTimeSchema,
  writeIfVersionMatches,
  type SaveResult,
} from '../articles/save-article';

export const scheduleSchema = z.object({
  baseVersion: baseVersionSchema,
  publishAt: dateTimeSchema('publishAt'),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;

const gmt = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} GMT`;

const STATE_SELECT = { status: true, scheduledAt: true, version: true, liveVersion: true };

/**
 * A schedule changes no content: a live article with nothing unpublished keeps that state (its
 * live version moves along with the working copy's version, which every write raises). Read at
 * the version the write is conditioned on, so it cannot be stale.
 */
function liveStaysInStep(
  stored: { version: number; liveVersion: number | null },
  baseVersion: number,
): { liveVersion?: number } {
  return stored.version === baseVersion && stored.liveVersion === baseVersion
    ? { liveVersion: baseVersion + 1 }
    : {};
}

/**
 * "Publish at" / "Update at": at `publishAt` the scheduler publishes the working copy as it
 * stands then. A draft becomes "scheduled" and stays invisible to readers until then; a live
 * article stays "published" (readers keep the live version) with its update pending. Refused,
 * with nothing changed: a time that is not in the future or more than a year ahead, an article
 * that is not ready.
 */
export async function scheduleArticle(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<SaveResult> {
  requirePublisher(actor);
  const parsed = scheduleSchema.safeParse(input);
  if (!parsed.success) throw invalid(validationErrorsOf(parsed.error.issues));
  const publishAt = new Date(parsed.data.publishAt);
  if (publishAt.getTime() <= now.getTime())
    throw new EditorialError(
      422,
      `The publish time ${gmt(publishAt)} is not in the future (it is now ${gmt(now)}); choose a later time or publish now`,
      [{ path: 'publishAt', message: 'choose a time in the future' }],
      'publish_time_past',
    );
  const latest = latestScheduleTime(now);
  if (publishAt.getTime() > latest.getTime())
    throw new EditorialError(
      422,
      `The publish time ${gmt(publishAt)} is more than ${SCHEDULE_MAX_DAYS_AHEAD} days ahead (the latest is ${gmt(latest)}); check the year`,
      [{ path: 'publishAt', message: `choose a time within ${SCHEDULE_MAX_DAYS_AHEAD} days` }],
      'publish_time_too_far',
    );
  const stored = await db.article.findUnique({ where: { id }, select: STATE_SELECT });
  if (!stored) throw notFound('The article');
  await requireReadyToPublish(db, id, publishAt);
  const isLive = stored.status === ARTICLE_STATUS.published;
  const article = await writeIfVersionMatches(db, actor, id, parsed.data.baseVersion, {
    data: {
      status: isLive ? ARTICLE_STATUS.published : ARTICLE_STATUS.scheduled,
      scheduledAt: publishAt,
      scheduledById: actor.id,
      ...liveStaysInStep(stored, parsed.data.baseVersion),
    },
    // Still live, or still not: otherwise this is a conflict with whoever changed it.
    where: isLive
      ? { status: ARTICLE_STATUS.published }
      : { status: { not: ARTICLE_STATUS.published } },
    now,
    revision: async () => null,
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}

/**
 * Takes a schedule back, nothing is published: a scheduled draft is a draft again, a live
 * article keeps its live version (and its working copy, with the changes still unpublished).
 */
export async function unscheduleArticle(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: { baseVersion: number },
): Promise<SaveResult> {
  requirePublisher(actor);
  const stored = await db.article.findUnique({ where: { id }, select: STATE_SELECT });
  if (!stored) throw notFound('The article');
  if (!stored.scheduledAt)
    throw new EditorialError(409, 'This article is not scheduled', [], 'not_scheduled');
  const isLive = stored.status === ARTICLE_STATUS.published;
  const article = await writeIfVersionMatches(db, actor, id, baseVersion, {
    data: {
      status: isLive ? ARTICLE_STATUS.published : ARTICLE_STATUS.draft,
      scheduledAt: null,
      scheduledById: null,
      ...liveStaysInStep(stored, baseVersion),
    },
    where: { scheduledAt: { not: null } },
    now: new Date(),
    revision: async () => null,
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}
