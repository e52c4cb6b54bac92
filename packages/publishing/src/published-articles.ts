import type { Db } from '@newsroom/db';
import type { ResolvedRelatedLink } from '@newsroom/renderer';
import { articlePath } from '@newsroom/article';
import {
  imageRowSelect,
  toArticleImage,
  type ArticleImage,
  type ImageRow,
} from './images/article-image';
import { resolveRelatedLinks } from './related-links';
import { PUBLISHED } from './status';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface SectionSummary {
  slug: string;
  name: string;
}

/** What a list of articles shows: rubric, headline, standfirst, dateline. */
export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date;
  section: SectionSummary;
  path: string;
  /** Shown in lists, at the top of the page, as og:image, in JSON-LD and in feeds. */
  leadImage: ArticleImage | null;
}

export interface ArticleListPage {
  articles: ArticleSummary[];
  page: number;
  pageSize: number;
  hasNextPage: boolean;
}

export interface ListOptions {
  /** Only this section's articles. */
  sectionSlug?: string;
  /** 1-based; anything else is read as 1. */
  page?: number;
  pageSize?: number;
}

/** Everything the article page needs. Only the author's name leaves the database. */
export interface PublishedArticle extends ArticleSummary {
  body: string;
  markerStyle: string;
  updatedAt: Date;
  author: { name: string };
  related: ResolvedRelatedLink[];
}

const sectionSelect = { select: { slug: true, name: true } } as const;

const summarySelect = {
  id: true,
  slug: true,
  title: true,
  standfirst: true,
  publishedAt: true,
  updatedAt: true,
  section: sectionSelect,
  leadImage: { select: imageRowSelect },
} as const;

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  updatedAt: Date;
  section: SectionSummary;
  leadImage: ImageRow | null;
}

function toSummary({ updatedAt, publishedAt, leadImage, ...row }: SummaryRow): ArticleSummary {
  // Publishing sets publishedAt; the fallback only keeps an inconsistent row displayable.
  return {
    ...row,
    publishedAt: publishedAt ?? updatedAt,
    path: articlePath(row),
    leadImage: leadImage && toArticleImage(leadImage),
  };
}

function wholeNumberIn(value: number | undefined, min: number, max: number, fallback: number) {
  if (value === undefined || !Number.isInteger(value) || value < min) return fallback;
  return Math.min(value, max);
}

/** Published articles, newest first, a page at a time. */
export async function listPublishedArticles(
  db: Db,
  options: ListOptions = {},
): Promise<ArticleListPage> {
  const page = wholeNumberIn(options.page, 1, Number.MAX_SAFE_INTEGER, 1);
  const pageSize = wholeNumberIn(options.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const rows = await db.article.findMany({
    where: {
      status: PUBLISHED,
      ...(options.sectionSlug !== undefined ? { section: { slug: options.sectionSlug } } : {}),
    },
    // id breaks ties so pages never overlap or skip an article published in the same instant.
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    // One extra row says whether there is a next page without a count query.
    take: pageSize + 1,
    select: summarySelect,
  });
  return {
    articles: rows.slice(0, pageSize).map(toSummary),
    page,
    pageSize,
    hasNextPage: rows.length > pageSize,
  };
}

export async function findSection(db: Db, slug: string): Promise<SectionSummary | null> {
  return db.section.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

/** Sections in the newsroom's order, for navigation. */
export async function listSections(db: Db): Promise<SectionSummary[]> {
  return db.section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true },
  });
}

/**
 * The published article at `/<sectionSlug>/<slug>`, with its related links resolved, or null:
 * drafts, unpublished articles and a slug under the wrong section are all "not found".
 */
export async function findPublishedArticle(
  db: Db,
  sectionSlug: string,
  slug: string,
): Promise<PublishedArticle | null> {
  const row = await db.article.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      status: true,
      body: true,
      markerStyle: true,
      author: { select: { name: true } },
    },
  });
  if (!row || row.status !== PUBLISHED || row.section.slug !== sectionSlug) return null;
  const { status: _status, body, markerStyle, author, updatedAt, ...summary } = row;
  return {
    ...toSummary({ ...summary, updatedAt }),
    body,
    markerStyle,
    updatedAt,
    author,
    related: await resolveRelatedLinks(db, row.id),
  };
}

/**
 * The current URL of a published article with this slug, whatever section it is in now, so a
 * link from before the article moved section can be redirected instead of breaking.
 */
export async function findPublishedArticlePath(db: Db, slug: string): Promise<string | null> {
  const row = await db.article.findUnique({
    where: { slug },
    select: { slug: true, status: true, section: { select: { slug: true } } },
  });
  return row && row.status === PUBLISHED ? articlePath(row) : null;
}
