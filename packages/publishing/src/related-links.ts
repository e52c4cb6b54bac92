import type { Db } from '@newsroom/db';
import type { ResolvedRelatedLink } from '@newsroom/renderer';
import { articlePath } from '@newsroom/article';
import { PUBLISHED } from './status';

interface StoredRelatedLink {
  url: string | null;
  title: string | null;
  targetArticleId: string | null;
  target: {
    slug: string;
    title: string;
    status: string;
    section: { slug: string };
  } | null;
}

/**
 * Internal links carry only the target's id, so its title and URL are read now: a renamed
 * headline or slug never leaves a stale link. A target readers cannot see (a draft, or an
 * article taken back from publication) is left out rather than shown as a dead link.
 */
function resolveOne(link: StoredRelatedLink): ResolvedRelatedLink | null {
  if (link.targetArticleId !== null) {
    const target = link.target;
    if (!target || target.status !== PUBLISHED) return null;
    return { title: target.title, href: articlePath(target) };
  }
  if (!link.url) return null;
  // The renderer checks the href again and shows a disallowed one as plain text.
  return { title: link.title?.trim() || link.url, href: link.url };
}

/** The related list of an article, in the editor's order, ready for `renderArticle`. */
export async function resolveRelatedLinks(
  db: Db,
  articleId: string,
): Promise<ResolvedRelatedLink[]> {
  const links = await db.relatedLink.findMany({
    where: { articleId },
    orderBy: { position: 'asc' },
    select: {
      url: true,
      title: true,
      targetArticleId: true,
      target: {
        select: { slug: true, title: true, status: true, section: { select: { slug: true } } },
      },
    },
  });
  return links.map(resolveOne).filter((link): link is ResolvedRelatedLink => link !== null);
}
