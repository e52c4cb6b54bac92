import type { Db } from '@newsroom/db';
import type { ResolvedRelatedLink } from '@newsroom/renderer';
import { articlePath, type RelatedLinkInput } from '@newsroom/article';
import { PUBLISHED } from './status';

interface LinkTarget {
  slug: string;
  title: string;
  status: string;
  section: { slug: string };
}

/** One related link as stored, or as an unsaved article carries it, with its target read. */
interface RelatedLinkWithTarget {
  url: string | null;
  title: string | null;
  targetArticleId: string | null;
  target: LinkTarget | null;
}

const targetSelect = {
  slug: true,
  title: true,
  status: true,
  section: { select: { slug: true } },
} as const;

/**
 * THE resolution of related links, for reader pages and previews alike. Internal links carry
 * only the target's id, so its title and URL are read now: a renamed headline or slug never
 * leaves a stale link. A target readers cannot see (a draft, or an article taken back from
 * publication) is left out rather than shown as a dead link.
 */
function resolveOne(link: RelatedLinkWithTarget): ResolvedRelatedLink | null {
  if (link.targetArticleId !== null) {
    const target = link.target;
    if (!target || target.status !== PUBLISHED) return null;
    return { title: target.title, href: articlePath(target) };
  }
  if (!link.url) return null;
  // The renderer checks the href again and shows a disallowed one as plain text.
  return { title: link.title?.trim() || link.url, href: link.url };
}

function resolveAll(links: readonly RelatedLinkWithTarget[]): ResolvedRelatedLink[] {
  return links.map(resolveOne).filter((link): link is ResolvedRelatedLink => link !== null);
}

export interface StoredRelatedLinks {
  links: ResolvedRelatedLink[];
  /** Every article the list names, shown or not: its page changes when one of them does. */
  targetArticleIds: string[];
}

/** The stored related list of an article, in the editor's order, ready for `renderArticle`. */
export async function loadRelatedLinks(db: Db, articleId: string): Promise<StoredRelatedLinks> {
  const rows = await db.relatedLink.findMany({
    where: { articleId },
    orderBy: { position: 'asc' },
    select: { url: true, title: true, targetArticleId: true, target: { select: targetSelect } },
  });
  return {
    links: resolveAll(rows),
    targetArticleIds: rows.flatMap((row) => (row.targetArticleId ? [row.targetArticleId] : [])),
  };
}

export async function resolveRelatedLinks(
  db: Db,
  articleId: string,
): Promise<ResolvedRelatedLink[]> {
  return (await loadRelatedLinks(db, articleId)).links;
}

/** A related list that is not stored (yet): a preview of unsaved changes, a revision. */
export async function resolveRelatedInputs(
  db: Db,
  related: readonly RelatedLinkInput[],
): Promise<ResolvedRelatedLink[]> {
  const ids = related.flatMap((entry) => ('articleId' in entry ? [entry.articleId] : []));
  const targets = ids.length
    ? await db.article.findMany({
        where: { id: { in: ids } },
        select: { id: true, ...targetSelect },
      })
    : [];
  const byId = new Map(targets.map((target) => [target.id, target]));
  return resolveAll(
    related.map((entry) =>
      'articleId' in entry
        ? {
            url: null,
            title: null,
            targetArticleId: entry.articleId,
            target: byId.get(entry.articleId) ?? null,
          }
        : { url: entry.url, title: entry.title, targetArticleId: null, target: null },
    ),
  );
}
