import { ARTICLE_LIMITS } from '@newsroom/article';
import type { Db } from '@newsroom/db';

/** "Pentagon Report: Russia’s role" → "pentagon-report-russias-role". */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, once NFKD split them off
    .toLowerCase()
    .replace(/['’‘`]/g, '') // "Russia’s" reads better as "russias" than "russia-s"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return trimToLength(words, ARTICLE_LIMITS.maxSlugLength - 4) || 'article';
}

/** Cuts at a hyphen so a long headline doesn't end in half a word; room is left for "-99". */
function trimToLength(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut.replace(/-+$/, '');
}

/**
 * `base`, or `base-2`, `base-3`, … whichever no other article uses. The database's unique index
 * is still the judge (two creators can pick the same free slug): callers retry on P2002.
 */
export async function findFreeSlug(db: Db, base: string, exceptArticleId?: string) {
  const taken = await db.article.findMany({
    where: {
      slug: { startsWith: base },
      ...(exceptArticleId ? { NOT: { id: exceptArticleId } } : {}),
    },
    select: { slug: true },
  });
  const used = new Set(taken.map((article) => article.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
