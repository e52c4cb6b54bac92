import {
  articlePath,
  toArticleStatus,
  type ArticleStatus,
  type MarkerStyle,
  type RelatedLinkInput,
  UNPUBLISHED_RELATED_TITLE,
} from '@newsroom/article';
import { canSeeArticle, type Actor } from '@newsroom/auth';
import type { Article, ArticleLive, Db, Image, RelatedLink, Section } from '@newsroom/db';
import { notFound } from '../errors';
import type { JSONContent } from '@tiptap/core';

/**
 * An entry of the related list as the newsroom shows it: internal links carry their target's
 * current title (its live one; a draft's own only to those who may see it) and address.
 */
export type RelatedEntry =
  { articleId: string; title: string; href: string | null } | { url: string; title: string };

/** The lead image as the edit page shows it. */
export interface LeadImage {
  id: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Everything the edit page needs, JSON-safe (dates as ISO strings). */
export interface EditableArticle {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  sectionId: string;
  section: { slug: string; name: string };
  markerStyle: MarkerStyle;
  status: ArticleStatus;
  /** The dateline of the working copy. */
  publishedAt: string | null;
  /** "Publish at", while the status is scheduled. */
  scheduledAt: string | null;
  /** What readers see now (null unless published): where, dated when, live since when. */
  live: { path: string; publishedAt: string; updatedAt: string } | null;
  /** Published, and the working copy was saved since the last Publish / Update. */
  hasUnpublishedChanges: boolean;
  /** Has been live (it has a URL history, whose links must keep working): never deletable. */
  wasPublished: boolean;
  version: number;
  authorId: string;
  updatedAt: string;
  body: JSONContent;
  related: RelatedEntry[];
  leadImage: LeadImage | null;
}

type LiveRow = ArticleLive & { section: Section };

type ArticleRow = Article & {
  section: Section;
  paths: { slug: string }[];
  live: LiveRow | null;
  leadImage: Image | null;
  relatedLinks: (RelatedLink & { target: (Article & { live: LiveRow | null }) | null })[];
};

const liveInclude = { include: { section: true } } as const;

export const editableArticleInclude = {
  section: true,
  paths: { select: { slug: true }, take: 1 },
  live: liveInclude,
  leadImage: true,
  relatedLinks: {
    orderBy: { position: 'asc' },
    include: { target: { include: { live: liveInclude } } },
  },
} as const;

/**
 * The article as `viewer` may see it; without a viewer, as everyone on the staff may (the shared
 * document of co-editing, which every connection to the article reads).
 */
export function toEditableArticle(row: ArticleRow, viewer?: Actor): EditableArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    sectionId: row.sectionId,
    section: { slug: row.section.slug, name: row.section.name },
    markerStyle: row.markerStyle === 'numeric' ? 'numeric' : 'symbols',
    status: toArticleStatus(row.status),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    live: row.live && {
      path: articlePath(row.live),
      publishedAt: row.live.publishedAt.toISOString(),
      updatedAt: row.live.updatedAt.toISOString(),
    },
    hasUnpublishedChanges: hasUnpublishedChanges(row),
    wasPublished: row.paths.length > 0,
    version: row.version,
    authorId: row.authorId,
    updatedAt: row.updatedAt.toISOString(),
    body: JSON.parse(row.body) as JSONContent,
    related: row.relatedLinks.flatMap((link): RelatedEntry[] => toRelatedEntry(link, viewer)),
    leadImage: row.leadImage && {
      id: row.leadImage.id,
      width: row.leadImage.width,
      height: row.leadImage.height,
      alt: row.leadImage.alt,
      caption: row.leadImage.caption,
      credit: row.leadImage.credit,
    },
  };
}

/** Live, and saved since the version that went live (versions say it without comparing text). */
export function hasUnpublishedChanges(row: { liveVersion: number | null; version: number }) {
  return row.liveVersion !== null && row.version !== row.liveVersion;
}

function toRelatedEntry(
  link: ArticleRow['relatedLinks'][number],
  viewer: Actor | undefined,
): RelatedEntry[] {
  const target = link.target;
  if (target?.live) {
    // What readers see: the live headline, and where they would go.
    return [{ articleId: target.id, title: target.live.title, href: articlePath(target.live) }];
  }
  if (target) {
    const seen = viewer !== undefined && canSeeArticle(viewer, target);
    return [
      { articleId: target.id, title: seen ? target.title : UNPUBLISHED_RELATED_TITLE, href: null },
    ];
  }
  if (link.url && link.title) return [{ url: link.url, title: link.title }];
  return [];
}

/** The stored form of a related entry (what saves and revisions carry). */
export function toRelatedInput(entry: RelatedEntry): RelatedLinkInput {
  return 'articleId' in entry
    ? { articleId: entry.articleId }
    : { url: entry.url, title: entry.title };
}

/** The article as `viewer` may see it (see toEditableArticle), or null when there is none. */
export async function findEditableArticle(
  db: Db,
  id: string,
  viewer?: Actor,
): Promise<EditableArticle | null> {
  const row = await db.article.findUnique({ where: { id }, include: editableArticleInclude });
  return row ? toEditableArticle(row, viewer) : null;
}

/**
 * The article when `actor` may see it, else null: writers see published articles and their own
 * drafts only; to them someone else's draft does not exist (no hint that the id is real).
 */
export async function findVisibleArticle(
  db: Db,
  actor: Actor,
  id: string,
): Promise<EditableArticle | null> {
  const article = await findEditableArticle(db, id, actor);
  return article && canSeeArticle(actor, article) ? article : null;
}

/** The article as `actor` may see it; 404 (as for an id that never existed) otherwise. */
export async function getVisibleArticle(
  db: Db,
  actor: Actor,
  id: string,
): Promise<EditableArticle> {
  const article = await findVisibleArticle(db, actor, id);
  if (!article) throw notFound('The article');
  return article;
}

/** Throws "not found" unless `actor` may see the article (for its revisions, preview…). */
export async function assertArticleVisible(db: Db, actor: Actor, id: string): Promise<void> {
  const article = await db.article.findUnique({
    where: { id },
    select: { authorId: true, status: true },
  });
  if (!article || !canSeeArticle(actor, article)) throw notFound('The article');
}
