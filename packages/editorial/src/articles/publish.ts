import { ARTICLE_STATUS, type RelatedLinkInput } from '@newsroom/article';
import { canEditArticle, canPublish, canSeeArticle, type Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { parseRelatedJson } from '@newsroom/publishing';
import { z } from 'zod';
import { forbidden, notFound, notLive } from '../errors';
import { getRevision } from '../revisions/revisions';
import { requireReadyToPublish } from './publish-readiness';
import { checkRelatedTargets, writeWithRelated } from './related';
import {
  baseVersionSchema,
  conflictOrForbidden,
  writeIfVersionMatches,
  type SaveResult,
} from './save-article';

export const versionedActionSchema = z.object({ baseVersion: baseVersionSchema });
export type VersionedAction = z.infer<typeof versionedActionSchema>;

export function requirePublisher(actor: Actor) {
  if (!canPublish(actor))
    throw forbidden('Only editors and admins can publish, update, schedule or unpublish');
}

/**
 * "Publish now" and "Update": the working copy the user saw (`baseVersion`) becomes the live
 * version, leaving a "publish" revision; a newer stored version is a conflict, not a surprise
 * publication. The first publication sets the dateline unless the editor already did. Publishing
 * a scheduled article now cancels its schedule.
 */
export async function publishArticle(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
  now = new Date(),
): Promise<SaveResult> {
  requirePublisher(actor);
  const stored = await db.article.findUnique({
    where: { id },
    select: { publishedAt: true, status: true },
  });
  if (!stored) throw notFound('The article');
  await requireReadyToPublish(db, id, now);
  const article = await writeIfVersionMatches(db, actor, id, baseVersion, {
    data: {
      status: ARTICLE_STATUS.published,
      publishedAt: stored.publishedAt ?? now,
      liveVersion: baseVersion + 1,
      scheduledAt: null,
      scheduledById: null,
    },
    live: {
      action: 'publish',
      reason: stored.status === ARTICLE_STATUS.published ? 'update' : 'publish',
    },
    now,
    revision: async () => 'publish',
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}

/**
 * Back to draft: readers no longer see it; the dateline and the URL history are kept. Only a
 * live article can be unpublished: the condition is part of the write, so a draft (or a
 * scheduled one, whose schedule this would cancel) is refused with nothing written.
 */
export async function unpublishArticle(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
): Promise<SaveResult> {
  requirePublisher(actor);
  const article = await writeIfVersionMatches(db, actor, id, baseVersion, {
    data: {
      status: ARTICLE_STATUS.draft,
      liveVersion: null,
      scheduledAt: null,
      scheduledById: null,
    },
    where: { status: ARTICLE_STATUS.published },
    live: { action: 'withdraw' },
    now: new Date(),
    revision: async () => null,
  });
  if (article) return { status: 'saved', article };
  const stored = await db.article.findUnique({ where: { id }, select: { status: true } });
  if (stored && stored.status !== ARTICLE_STATUS.published)
    throw notLive('there is nothing to unpublish');
  return conflictOrForbidden(db, actor, id);
}

/**
 * "Discard changes": the working copy goes back to the live version. What is thrown away is
 * kept as a "discard" revision first, so it can be restored from History.
 */
export async function discardChanges(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
  now = new Date(),
): Promise<SaveResult> {
  requirePublisher(actor);
  const live = await db.articleLive.findUnique({ where: { articleId: id } });
  if (!live) {
    if (!(await db.article.findUnique({ where: { id }, select: { id: true } })))
      throw notFound('The article');
    throw notLive('there is nothing to go back to');
  }
  const related = await dropMissingTargets(db, actor, id, parseRelatedJson(live.related));
  const article = await writeWithRelated(db, actor, related, (kept) =>
    writeIfVersionMatches(db, actor, id, baseVersion, {
      data: {
        slug: live.slug,
        sectionId: live.sectionId,
        title: live.title,
        standfirst: live.standfirst,
        body: live.body,
        markerStyle: live.markerStyle,
        leadImageId: live.leadImageId,
        publishedAt: live.publishedAt,
        liveVersion: baseVersion + 1,
        // A scheduled update of these changes has nothing left to publish.
        scheduledAt: null,
        scheduledById: null,
      },
      related: kept,
      revisionBefore: 'discard',
      now,
      revision: async () => null,
    }),
  );
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}

/** Linked articles deleted since (a revision, a live version) are dropped rather than failing. */
async function dropMissingTargets(
  db: Db,
  actor: Actor,
  articleId: string,
  related: RelatedLinkInput[],
) {
  const broken = await checkRelatedTargets(db, actor, articleId, related);
  const brokenIndexes = new Set(broken.map((error) => Number(/\[(\d+)\]/.exec(error.path)?.[1])));
  return related.filter((_, index) => !brokenIndexes.has(index));
}

/**
 * Puts a revision's headline, standfirst, body, marker style and related list back. What the
 * restore replaces is kept first as a "replaced" revision (the working copy need not be in any
 * revision: autosaves leave one at most every 10 minutes), and the restore itself is recorded as
 * a new revision, so either can be restored in turn.
 */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  articleId: string,
  revisionId: string,
  { baseVersion }: VersionedAction,
  now = new Date(),
): Promise<SaveResult> {
  const stored = await db.article.findUnique({
    where: { id: articleId },
    select: { authorId: true, status: true },
  });
  if (!stored || !canSeeArticle(actor, stored)) throw notFound('The article');
  if (!canEditArticle(actor, stored)) throw forbidden('You cannot edit this article');
  const revision = await getRevision(db, articleId, revisionId);
  const related = await dropMissingTargets(db, actor, articleId, revision.related);
  const article = await writeWithRelated(db, actor, related, (kept) =>
    writeIfVersionMatches(db, actor, articleId, baseVersion, {
      data: {
        title: revision.title,
        standfirst: revision.standfirst,
        markerStyle: revision.markerStyle,
        body: JSON.stringify(revision.body),
      },
      related: kept,
      revisionBefore: 'replaced',
      now,
      revision: async () => 'restore',
    }),
  );
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, articleId);
}
