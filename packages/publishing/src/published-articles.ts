import type { Db } from '@newsroom/db';
import type { ResolvedRelatedLink } from '@newsroom/renderer';
import { articlePath, bodyExcerpt } from '@newsroom/article';
import {
  imageRowSelect,
  toArticleImage,
  type ArticleImage,
  type ImageRow,
} from './images/article-image';
import { parseRelatedJson, resolveRelatedLinks } from './related-links';
import { parseBody } from './render-stored-article';

// Everything here reads ArticleLive, the live versions: one row per published article, written
// only by Publish / Update / a schedule firing. The newsroom's working copies (Article) never
// reach readers, and no query needs a status filter.

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
  /**
   * What describes it to search engines, social cards and feed readers: the standfirst, or the
   * body's opening words when it has none (otherwise they pick arbitrary text of the page).
   */
  description: string;
  markerStyle: string;
  /** When this version went live (the last Publish or Update). */
  updatedAt: Date;
  /** When the draft was made: never changes, so it dates the article's feed entry id. */
  createdAt: Date;
  author: { name: string };
  related: ResolvedRelatedLink[];
  /** The articles its related list names (shown or not): the page changes when they do. */
  relatedArticleIds: string[];
}

const sectionSelect = { select: { slug: true, name: true } } as const;

const summarySelect = {
  articleId: true,
  slug: true,
  title: true,
  standfirst: true,
  publishedAt: true,
  section: sectionSelect,
  leadImage: { select: imageRowSelect },
} as const;

interface SummaryRow {
  articleId: string;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date;
  section: SectionSummary;
  leadImage: ImageRow | null;
}

function toSummary({ articleId, leadImage, ...row }: SummaryRow): ArticleSummary {
  return {
    id: articleId,
    ...row,
    path: articlePath(row),
    leadImage: leadImage && toArticleImage(leadImage),
  };
}

function wholeNumberIn(value: number | undefined, min: number, max: number, fallback: number) {
  if (value === undefined || !Number.isInteger(value) || value < min) return fallback;
  return Math.min(value, max);
}

/** Published articles, newest dateline first, a page at a time. */
export async function listPublishedArticles(
  db: Db,
  options: ListOptions = {},
): Promise<ArticleListPage> {
  const page = wholeNumberIn(options.page, 1, Number.MAX_SAFE_INTEGER, 1);
  const pageSize = wholeNumberIn(options.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const rows = await db.articleLive.findMany({
    where: options.sectionSlug !== undefined ? { section: { slug: options.sectionSlug } } : {},
    // The id breaks ties so pages never overlap or skip an article published in the same instant.
    orderBy: [{ publishedAt: 'desc' }, { articleId: 'desc' }],
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
 * The live article at `/<sectionSlug>/<slug>`, with its related links resolved, or null:
 * drafts, scheduled and unpublished articles, old slugs and a slug under the wrong section are
 * all "not here" (see `findCurrentArticlePath` for where an old address went).
 */
export async function findPublishedArticle(
  db: Db,
  sectionSlug: string,
  slug: string,
): Promise<PublishedArticle | null> {
  const row = await db.articleLive.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      body: true,
      markerStyle: true,
      related: true,
      updatedAt: true,
      article: { select: { createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!row || row.section.slug !== sectionSlug) return null;
  const { body, markerStyle, related, updatedAt, article, ...summary } = row;
  const relatedInputs = parseRelatedJson(related);
  return {
    ...toSummary(summary),
    body,
    description: summary.standfirst || bodyExcerpt(parseBody(body)),
    markerStyle,
    updatedAt,
    createdAt: article.createdAt,
    author: article.author,
    related: await resolveRelatedLinks(db, relatedInputs),
    relatedArticleIds: relatedInputs.flatMap((entry) =>
      'articleId' in entry ? [entry.articleId] : [],
    ),
  };
}

/** Where a live article is read, by its id (the canonical short link follows this), or null. */
export async function findLiveArticlePath(db: Db, articleId: string): Promise<string | null> {
  const row = await db.articleLive.findUnique({
    where: { articleId },
    select: { slug: true, section: { select: { slug: true } } },
  });
  return row ? articlePath(row) : null;
}

/**
 * The current URL of the live article that is or ever was at `slug` (in any section), so every
 * address an article has had redirects to where it is now; null when none is live.
 */
export async function findCurrentArticlePath(db: Db, slug: string): Promise<string | null> {
  const live = await db.articleLive.findUnique({
    where: { slug },
    select: { slug: true, section: { select: { slug: true } } },
  });
  if (live) return articlePath(live);
  const history = await db.articlePath.findUnique({
    where: { slug },
    select: { article: { select: { live: { select: { slug: true, section: true } } } } },
  });
  const current = history?.article.live;
  return current ? articlePath(current) : null;
}

/** Where a published article lives and when it last changed: what a sitemap lists. */
export interface PublishedArticleLocation {
  path: string;
  publishedAt: Date;
  updatedAt: Date;
}

export async function countPublishedArticles(db: Db): Promise<number> {
  return db.articleLive.count();
}

/** Published articles' locations, newest first, `take` of them after `skip` (for sitemaps). */
export async function listPublishedArticleLocations(
  db: Db,
  { skip, take }: { skip: number; take: number },
): Promise<PublishedArticleLocation[]> {
  const rows = await db.articleLive.findMany({
    orderBy: [{ publishedAt: 'desc' }, { articleId: 'desc' }],
    skip,
    take,
    select: { ...summarySelect, updatedAt: true },
  });
  return rows.map(({ updatedAt, ...row }) => {
    const summary = toSummary(row);
    return { path: summary.path, publishedAt: summary.publishedAt, updatedAt };
  });
}
