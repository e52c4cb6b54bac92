import {
  ARTICLE_STATUS,
  ARTICLE_STATUSES,
  articlePath,
  entityId,
  type ArticleStatus,
} from '@newsroom/article';
import { canPublish, type Actor } from '@newsroom/auth';
import { pageContainingText, type Db, type Prisma } from '@newsroom/db';
import { z } from 'zod';
import { hasUnpublishedChanges } from './editable-article';

export const articleListQuerySchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  // Not a possible id (one with NUL was a 500 on PostgreSQL): no filter.
  sectionId: entityId.optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});
export type ArticleListQuery = z.input<typeof articleListQuerySchema>;

export interface ArticleListItem {
  id: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  /** Published, and the working copy has changes readers don't see yet. */
  hasUnpublishedChanges: boolean;
  section: { id: string; name: string };
  author: { id: string; name: string };
  publishedAt: string | null;
  scheduledAt: string | null;
  updatedAt: string;
  createdAt: string;
}

/**
 * The newsroom's list, newest first, filtered and paginated: every article for editors and
 * admins; for writers the published ones and their own drafts. `query` is parsed leniently: a
 * bad filter from a URL falls back to "any", never an error.
 */
export async function listArticles(
  db: Db,
  actor: Actor,
  query: ArticleListQuery | Record<string, unknown> = {},
) {
  const { status, sectionId, q, page, pageSize } = articleListQuerySchema.parse(query);
  const where: Prisma.ArticleWhereInput = {
    ...(canPublish(actor)
      ? {}
      : { OR: [{ status: ARTICLE_STATUS.published }, { authorId: actor.id }] }),
    ...(status ? { status } : {}),
    ...(sectionId ? { sectionId } : {}),
  };
  const { rows, total } = await pageContainingText({
    db,
    columns: ['title'],
    text: q ?? '',
    where,
    skip: (page - 1) * pageSize,
    take: pageSize,
    findMany: (args) =>
      db.article.findMany({
        ...args,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: {
          id: true,
          title: true,
          slug: true,
          status: true,
          version: true,
          liveVersion: true,
          publishedAt: true,
          scheduledAt: true,
          updatedAt: true,
          createdAt: true,
          section: { select: { id: true, name: true } },
          author: { select: { id: true, name: true } },
        },
      }),
    count: (where) => db.article.count({ where }),
  });
  const items: ArticleListItem[] = rows.map(({ version: _v, liveVersion: _l, ...row }) => ({
    ...row,
    status: row.status as ArticleStatus,
    hasUnpublishedChanges: hasUnpublishedChanges({ version: _v, liveVersion: _l }),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Live articles whose (live) headline contains `q`, for the related-links panel. */
export async function searchPublishedArticles(
  db: Db,
  q: string,
  { excludeId, limit = 10 }: { excludeId?: string; limit?: number } = {},
) {
  const { rows } = await pageContainingText({
    db,
    columns: ['title'],
    text: q.trim(),
    where: excludeId ? { NOT: { articleId: excludeId } } : {},
    take: Math.min(limit, 50),
    findMany: (args) =>
      db.articleLive.findMany({
        ...args,
        orderBy: { publishedAt: 'desc' },
        select: {
          articleId: true,
          title: true,
          slug: true,
          section: { select: { slug: true, name: true } },
        },
      }),
  });
  return rows.map((row) => ({
    id: row.articleId,
    title: row.title,
    href: articlePath(row),
    section: row.section.name,
  }));
}

export async function listSections(db: Db) {
  return db.section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, slug: true, name: true },
  });
}
