import { ARTICLE_STATUS } from '@newsroom/article';
import { canEditArticle, canPublish, canSeeArticle, type Actor } from '@newsroom/auth';
import type { Db, Prisma } from '@newsroom/db';
import { DEFAULT_DELETED_CODE_RESERVE_DAYS, reserveDeletedCode } from '@newsroom/links';
import { EditorialError, forbidden, notFound } from '../errors';
import type { VersionedAction } from './publish';
import { findEditableArticle, type EditableArticle } from './editable-article';

export type DeleteDraftResult =
  /** shortLinkCode: the code of the short link deleted with it (shorteners should forget it). */
  | { status: 'deleted'; id: string; shortLinkCode: string | null }
  /** Someone saved since `baseVersion`: nothing was deleted; `current` is what is stored now. */
  | { status: 'conflict'; current: EditableArticle };

export interface DeleteDraftOptions {
  /** Days the code of the draft's short link stays kept from new links (SHORTENER_DELETED_CODE_DAYS). */
  deletedCodeReserveDays?: number;
}

export const SCHEDULED_MESSAGE =
  'This article is scheduled to be published: unschedule it first, then delete the draft';
export const WAS_PUBLISHED_MESSAGE =
  'This article has been published: readers’ links and its URL history must keep working, so it cannot be deleted; unpublish it instead';

/** Never live, never scheduled: no reader has a link to it, and nothing keeps its URL. */
const deletableDraft = {
  status: ARTICLE_STATUS.draft,
  liveVersion: null,
  live: null,
  paths: { none: {} },
} satisfies Prisma.ArticleWhereInput;

/** Rolls the deletion back when its conditional DELETE matched nothing. */
class ConditionNotMet extends Error {}

/**
 * Deletes an article that was never published (test pastes, duplicate imports, abandoned
 * stories): the author their own draft, editors and admins any draft. With it go its revisions,
 * related list, shared (collab) document and short link (whose code stays reserved like any
 * deleted link's); images stay (other articles may use them). Its id is kept (DeletedArticle):
 * pages still listing it as related then save without it (withoutDeletedTargets). One
 * conditional DELETE (`WHERE version = baseVersion AND still a never-published draft`) in one
 * transaction, so a save or a Publish that lands first wins and nothing is half deleted.
 */
export async function deleteDraft(
  db: Db,
  actor: Actor,
  id: string,
  { baseVersion }: VersionedAction,
  { deletedCodeReserveDays = DEFAULT_DELETED_CODE_RESERVE_DAYS }: DeleteDraftOptions = {},
): Promise<DeleteDraftResult> {
  await requireDeletable(db, actor, id);
  let shortLinkCode: string | null;
  try {
    shortLinkCode = await db.$transaction(async (tx) => {
      const author = await tx.article.findUnique({ where: { id }, select: { authorId: true } });
      const shortLink = await tx.shortLink.findUnique({
        where: { articleId: id },
        select: { id: true, code: true },
      });
      const { count } = await tx.article.deleteMany({
        where: {
          ...deletableDraft,
          id,
          version: baseVersion,
          ...(canPublish(actor) ? {} : { authorId: actor.id }),
        },
      });
      if (count === 0 || !author) throw new ConditionNotMet();
      // Other articles' open pages may still list it: their saves drop it (withoutDeletedTargets).
      await tx.deletedArticle.create({
        data: { id, authorId: author.authorId, deletedAt: new Date() },
      });
      // The link outlives the article otherwise (onDelete: SetNull), pointing nowhere.
      if (shortLink) {
        await tx.shortLink.delete({ where: { id: shortLink.id } });
        await reserveDeletedCode(tx, shortLink.code, deletedCodeReserveDays);
      }
      return shortLink?.code ?? null;
    });
  } catch (error) {
    if (!(error instanceof ConditionNotMet)) throw error;
    // Changed between the check and the delete: say why, as if it had been so from the start.
    await requireDeletable(db, actor, id);
    const current = await findEditableArticle(db, id, actor);
    if (!current) throw notFound('The article');
    return { status: 'conflict', current };
  }
  return { status: 'deleted', id, shortLinkCode };
}

/** 404 for what the actor may not see, 403 for what they may not change, 409 unless a draft. */
async function requireDeletable(db: Db, actor: Actor, id: string): Promise<void> {
  const stored = await db.article.findUnique({
    where: { id },
    select: {
      authorId: true,
      status: true,
      live: { select: { articleId: true } },
      paths: { select: { slug: true }, take: 1 },
    },
  });
  // Someone else's draft does not exist for a writer (as when reading it).
  if (!stored || !canSeeArticle(actor, stored)) throw notFound('The article');
  if (!canEditArticle(actor, stored))
    throw forbidden('Writers can delete only their own drafts; ask an editor');
  if (stored.status === ARTICLE_STATUS.scheduled)
    throw new EditorialError(409, SCHEDULED_MESSAGE, [], 'scheduled');
  if (stored.status !== ARTICLE_STATUS.draft || stored.live || stored.paths.length > 0)
    throw new EditorialError(409, WAS_PUBLISHED_MESSAGE, [], 'was_published');
}
