import {
  ARTICLE_STATUS,
  linkedArticleIds,
  type RelatedLinkInput,
  type ValidationError,
} from '@newsroom/article';
import { canSeeArticle, type Actor } from '@newsroom/auth';
import { isForeignKeyViolation, type Db, type Prisma } from '@newsroom/db';

type Tx = Prisma.TransactionClient;

/**
 * The internal entries whose target was a draft deleted since (see `DeletedArticle`), among those
 * the actor could see: someone else's draft stays "no article has this id" for a writer, as it
 * was before it went, so a save never tells them such an id existed.
 */
export async function deletedTargets(
  db: Db,
  actor: Actor,
  related: readonly RelatedLinkInput[],
): Promise<Set<string>> {
  const ids = linkedArticleIds(related);
  if (ids.length === 0) return new Set();
  const deleted = await db.deletedArticle.findMany({
    where: { id: { in: ids } },
    select: { id: true, authorId: true },
  });
  return new Set(
    deleted
      .filter(({ authorId }) => canSeeArticle(actor, { authorId, status: ARTICLE_STATUS.draft }))
      .map(({ id }) => id),
  );
}

/**
 * A related list without the entries pointing at deleted drafts. Deleting a draft does not touch
 * the articles that list it (their RelatedLink rows go by cascade, versions unchanged: a bump
 * would put their open pages in a conflict, and make the collaboration server take the working
 * copy over a shared document with edits in it); pages and shared documents open at the time
 * still hold the entry, and their next save drops it here instead of refusing the whole save.
 */
export async function withoutDeletedTargets(
  db: Db,
  actor: Actor,
  related: readonly RelatedLinkInput[],
): Promise<RelatedLinkInput[]> {
  const deleted = await deletedTargets(db, actor, related);
  return related.filter((entry) => !('articleId' in entry && deleted.has(entry.articleId)));
}

/**
 * Runs `write` with a related list already checked; if a related draft was deleted between those
 * checks and the write (a foreign-key violation), once more without the entries pointing at
 * deleted drafts, as a write that started after the deletion would be. Anything else missing
 * still fails.
 */
export async function writeWithRelated<Result>(
  db: Db,
  actor: Actor,
  related: RelatedLinkInput[],
  write: (related: RelatedLinkInput[]) => Promise<Result>,
): Promise<Result> {
  try {
    return await write(related);
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    const kept = await withoutDeletedTargets(db, actor, related);
    if (kept.length === related.length) throw error;
    return write(kept);
  }
}

/** Internal links must point at another existing article; reported with the entry's path. */
export async function checkRelatedTargets(
  db: Db,
  actor: Actor,
  articleId: string,
  related: readonly RelatedLinkInput[],
): Promise<ValidationError[]> {
  const ids = linkedArticleIds(related);
  if (ids.length === 0) return [];
  const [found, kept] = await Promise.all([
    db.article.findMany({
      where: { id: { in: ids } },
      select: { id: true, authorId: true, status: true },
    }),
    db.relatedLink.findMany({
      where: { articleId, targetArticleId: { in: ids } },
      select: { targetArticleId: true },
    }),
  ]);
  // An article the actor may not see (a writer, someone else's draft) is answered as missing:
  // the save would otherwise confirm it exists and show its title. Unless the list holds it
  // already (an editor put it there): the writer's save sends it back unchanged, and refusing it
  // left the writer unable to save their own draft.
  const alreadyListed = new Set(kept.map((link) => link.targetArticleId));
  const existing = new Set(
    found
      .filter((article) => alreadyListed.has(article.id) || canSeeArticle(actor, article))
      .map((article) => article.id),
  );
  const errors: ValidationError[] = [];
  related.forEach((entry, index) => {
    if (!('articleId' in entry)) return;
    if (entry.articleId === articleId)
      errors.push({
        path: `related[${index}].articleId`,
        message: 'an article cannot link to itself',
      });
    else if (!existing.has(entry.articleId))
      errors.push({ path: `related[${index}].articleId`, message: 'no article has this id' });
  });
  return errors;
}

/** Replaces the whole ordered list; runs inside the save's transaction. */
export async function replaceRelatedLinks(
  tx: Tx,
  articleId: string,
  related: readonly RelatedLinkInput[],
) {
  await tx.relatedLink.deleteMany({ where: { articleId } });
  if (related.length === 0) return;
  await tx.relatedLink.createMany({
    data: related.map((entry, position) =>
      'articleId' in entry
        ? { articleId, position, targetArticleId: entry.articleId }
        : { articleId, position, url: entry.url, title: entry.title },
    ),
  });
}
