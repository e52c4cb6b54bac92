import { absoluteUrl, articlePath, type RelatedLinkInput } from '@newsroom/article';
import type { Prisma } from '@newsroom/db';
import { readerSiteUrl } from '@newsroom/http';
import type { LiveChange, LiveChangeReason, LiveLocation } from '@newsroom/publishing';
import { slugTaken } from '../errors';

type Tx = Prisma.TransactionClient;

/** The stored form of related links (what revisions and live versions carry as JSON). */
export function relatedInputsOf(
  links: readonly { targetArticleId: string | null; url: string | null; title: string | null }[],
): RelatedLinkInput[] {
  return links.flatMap((link): RelatedLinkInput[] =>
    link.targetArticleId
      ? [{ articleId: link.targetArticleId }]
      : link.url && link.title
        ? [{ url: link.url, title: link.title }]
        : [],
  );
}

async function liveState(
  tx: Tx,
  articleId: string,
): Promise<{ location: LiveLocation; publishedAt: Date } | null> {
  const live = await tx.articleLive.findUnique({
    where: { articleId },
    select: { slug: true, publishedAt: true, section: { select: { slug: true } } },
  });
  if (!live) return null;
  const location = { path: articlePath(live), sectionSlug: live.section.slug };
  return { location, publishedAt: new Date(live.publishedAt) };
}

type WorkingCopy = Prisma.ArticleGetPayload<{ include: { relatedLinks: true } }>;

/** What a live version holds of a working copy (its dateline: the stored one, else `now`). */
function liveContentOf(article: WorkingCopy, now: Date) {
  return {
    slug: article.slug,
    sectionId: article.sectionId,
    title: article.title,
    standfirst: article.standfirst,
    body: article.body,
    markerStyle: article.markerStyle,
    related: JSON.stringify(relatedInputsOf(article.relatedLinks)),
    leadImageId: article.leadImageId,
    publishedAt: article.publishedAt ?? now,
  };
}

/**
 * After a save of a live article: a working copy that reads the same as the live version has
 * nothing unpublished (the dateline a first publication set, written back by the shared
 * document; an edit undone), so the live version moves along to the working copy's `version`.
 */
export async function keepLiveInStepIfSame(tx: Tx, articleId: string, version: number) {
  const live = await tx.articleLive.findUnique({ where: { articleId } });
  if (!live) return;
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { relatedLinks: { orderBy: { position: 'asc' } } },
  });
  const copy = liveContentOf(article, live.publishedAt);
  const same = (Object.keys(copy) as (keyof typeof copy)[]).every((field) =>
    field === 'publishedAt'
      ? copy.publishedAt.getTime() === live.publishedAt.getTime()
      : copy[field] === live[field],
  );
  if (same) await tx.article.update({ where: { id: articleId }, data: { liveVersion: version } });
}

/**
 * Copies the working copy (as it now stands inside `tx`) to the live version, and records its
 * slug in the URL history. A slug that is another article's history is refused (409, and the
 * whole transaction rolls back): that article's old links must keep reaching it.
 */
export async function makeWorkingCopyLive(
  tx: Tx,
  articleId: string,
  reason: LiveChangeReason,
  now: Date,
): Promise<LiveChange> {
  const before = await liveState(tx, articleId);
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { relatedLinks: { orderBy: { position: 'asc' } }, section: true },
  });
  const owner = await tx.articlePath.findUnique({ where: { slug: article.slug } });
  if (owner && owner.articleId !== articleId) throw slugTaken();
  if (!owner)
    await tx.articlePath.create({ data: { slug: article.slug, articleId, createdAt: now } });
  const content = { ...liveContentOf(article, now), updatedAt: now };
  await tx.articleLive.upsert({
    where: { articleId },
    create: { articleId, ...content },
    update: content,
  });
  const after = { path: articlePath(article), sectionSlug: article.section.slug };
  // The article's short link redirects by article id, but its row keeps an address too, which
  // link search and exports read: it follows a new slug or section.
  if (before?.location.path !== after.path)
    await tx.shortLink.updateMany({
      where: { articleId },
      data: { url: absoluteUrl(readerSiteUrl(), after.path) },
    });
  const listsMoved =
    !before ||
    before.location.sectionSlug !== after.sectionSlug ||
    before.publishedAt.getTime() !== content.publishedAt.getTime();
  return { articleId, reason, before: before?.location ?? null, after, listsMoved };
}

/** Takes the live version down: readers no longer see the article (its URL history stays). */
export async function withdrawLiveVersion(tx: Tx, articleId: string): Promise<LiveChange | null> {
  const before = await liveState(tx, articleId);
  if (!before) return null;
  await tx.articleLive.delete({ where: { articleId } });
  return { articleId, reason: 'unpublish', before: before.location, after: null, listsMoved: true };
}
