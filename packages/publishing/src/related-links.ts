import type { RelatedLinkInput } from '@newsroom/article';
import { articlePath, linkedArticleIds } from '@newsroom/article';
import type { Db } from '@newsroom/db';
import type { ResolvedRelatedLink } from '@newsroom/renderer';

/**
 * A live version's related list, stored as JSON text. Entries of an unexpected shape (a damaged
 * row) are dropped rather than failing the page.
 */
export function parseRelatedJson(text: string): RelatedLinkInput[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): RelatedLinkInput[] => {
    if (entry === null || typeof entry !== 'object') return [];
    const { articleId, url, title } = entry as Record<string, unknown>;
    if (typeof articleId === 'string') return [{ articleId }];
    if (typeof url === 'string' && typeof title === 'string') return [{ url, title }];
    return [];
  });
}

/**
 * Title and href of each entry as readers get them. Internal links carry only the target's id,
 * so its title and URL are read now from the target's LIVE version: a renamed headline or slug
 * never leaves a stale link, and a target readers cannot see (a draft, a scheduled article, one
 * taken back from publication) is left out rather than shown as a dead link.
 */
export async function resolveRelatedLinks(
  db: Db,
  related: readonly RelatedLinkInput[],
): Promise<ResolvedRelatedLink[]> {
  const ids = linkedArticleIds(related);
  const targets = ids.length
    ? await db.articleLive.findMany({
        where: { articleId: { in: ids } },
        select: { articleId: true, title: true, slug: true, section: { select: { slug: true } } },
      })
    : [];
  const byId = new Map(targets.map((target) => [target.articleId, target]));
  return related.flatMap((entry): ResolvedRelatedLink[] => {
    if (!('articleId' in entry)) {
      // The renderer checks the href again and shows a disallowed one as plain text.
      return [{ title: entry.title.trim() || entry.url, href: entry.url }];
    }
    const target = byId.get(entry.articleId);
    return target ? [{ title: target.title, href: articlePath(target) }] : [];
  });
}
