import type { Db } from '@newsroom/db';
export { slugify } from '@newsroom/article';

/**
 * `base`, or `base-2`, `base-3`, … whichever no other article uses now or has used (URL history).
 * The database's unique index is still the judge (two creators can pick the same free slug):
 * callers retry on P2002.
 */
export async function findFreeSlug(db: Db, base: string, exceptArticleId?: string) {
  const [taken, history] = await Promise.all([
    db.article.findMany({
      where: {
        slug: { startsWith: base },
        ...(exceptArticleId ? { NOT: { id: exceptArticleId } } : {}),
      },
      select: { slug: true },
    }),
    db.articlePath.findMany({
      where: {
        slug: { startsWith: base },
        ...(exceptArticleId ? { NOT: { articleId: exceptArticleId } } : {}),
      },
      select: { slug: true },
    }),
  ]);
  const used = new Set([...taken, ...history].map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
