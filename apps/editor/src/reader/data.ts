import { cache } from 'react';
import { getDb } from '@newsroom/db';
import {
  findPublishedArticle,
  findCurrentArticlePath,
  findSection,
  listPublishedArticles,
  listSections,
} from '@newsroom/publishing';

// The reader pages' data, through @newsroom/publishing. `cache` makes generateMetadata and the
// page share one query per request instead of asking the database twice.

export const getPublishedArticle = cache((sectionSlug: string, slug: string) =>
  findPublishedArticle(getDb(), sectionSlug, slug),
);

/** Where the live article that is or ever was at `slug` is now (its URL history). */
export const getCurrentArticlePath = cache((slug: string) => findCurrentArticlePath(getDb(), slug));

export const getSection = cache((slug: string) => findSection(getDb(), slug));

export const getSections = cache(() => listSections(getDb()));

export const getArticlePage = cache((page: number, sectionSlug?: string) =>
  listPublishedArticles(getDb(), { page, sectionSlug }),
);

/** `?page=2` → 2; anything that is not a whole number ≥ 1 → null. */
export function pageNumber(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,8}$/.test(value)) return null;
  return Number(value);
}
