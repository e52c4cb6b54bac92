import { canEditArticle, canPublish, type Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import { z } from 'zod';
import { forbidden, notFound } from '../errors';
import { getRevision } from '../revisions/revisions';
import { checkRelatedTargets } from './related';
import { conflictOrForbidden, writeIfVersionMatches, type SaveResult } from './save-article';

export const versionedActionSchema = z.object({
  baseVersion: z.number({ message: 'baseVersion is required' }).int().positive(),
});
export type VersionedAction = z.infer<typeof versionedActionSchema>;

function requirePublisher(actor: Actor) {
  if (!canPublish(actor)) throw forbidden('Only editors and admins can publish or unpublish');
}

/**
 * Publishes what the user saw (`baseVersion`): a newer stored version is a conflict, not a
 * surprise publication. The first publication sets publishedAt unless the dateline already did.
 */
export async function publishArticle(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
  now = new Date(),
): Promise<SaveResult> {
  requirePublisher(actor);
  const stored = await db.article.findUnique({ where: { id }, select: { publishedAt: true } });
  if (!stored) throw notFound('The article');
  const article = await writeIfVersionMatches(db, actor, id, baseVersion, {
    data: { status: 'published', publishedAt: stored.publishedAt ?? now },
    now,
    revision: async () => 'publish',
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}

/** Back to draft: readers no longer see it; publishedAt is kept for a later re-publication. */
export async function unpublishArticle(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
): Promise<SaveResult> {
  requirePublisher(actor);
  const article = await writeIfVersionMatches(db, actor, id, baseVersion, {
    data: { status: 'draft' },
    now: new Date(),
    revision: async () => null,
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, id);
}

/**
 * Puts a revision's headline, standfirst, body, marker style and related list back. The
 * restore is itself recorded as a new revision, so it can be undone the same way.
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
  if (!stored) throw notFound('The article');
  if (!canEditArticle(actor, stored)) throw forbidden('You cannot edit this article');
  const revision = await getRevision(db, articleId, revisionId);
  // Linked articles deleted since the revision are dropped rather than failing the restore.
  const broken = await checkRelatedTargets(db, articleId, revision.related);
  const brokenIndexes = new Set(broken.map((error) => Number(/\[(\d+)\]/.exec(error.path)?.[1])));
  const related = revision.related.filter((_, index) => !brokenIndexes.has(index));
  const article = await writeIfVersionMatches(db, actor, articleId, baseVersion, {
    data: {
      title: revision.title,
      standfirst: revision.standfirst,
      markerStyle: revision.markerStyle,
      body: JSON.stringify(revision.body),
    },
    related,
    now,
    revision: async () => 'restore',
  });
  return article ? { status: 'saved', article } : conflictOrForbidden(db, actor, articleId);
}
