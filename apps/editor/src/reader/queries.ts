import { getDb } from '@newsroom/db';

const LIST_LIMIT = 30;

/** Published articles, newest first, optionally in one section. */
export async function listPublishedArticles(sectionSlug?: string) {
  return getDb().article.findMany({
    where: {
      status: 'published',
      ...(sectionSlug ? { section: { slug: sectionSlug } } : {}),
    },
    orderBy: { publishedAt: 'desc' },
    take: LIST_LIMIT,
    include: { section: true },
  });
}

/** A published article by its section and slug, or null (drafts are invisible to readers). */
export async function findPublishedArticle(sectionSlug: string, slug: string) {
  const article = await getDb().article.findUnique({
    where: { slug },
    include: { section: true },
  });
  if (!article || article.status !== 'published' || article.section.slug !== sectionSlug)
    return null;
  return article;
}

export function articlePath(article: { slug: string; section: { slug: string } }) {
  return `/${article.section.slug}/${article.slug}`;
}
