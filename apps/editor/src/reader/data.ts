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

/**
 * Where the live article that is or ever was at `slug` is now (its URL history). Slugs are lower
 * case, so an address typed or shared with capitals (`/World/Some-Story`) finds its article too.
 */
export const getCurrentArticlePath = cache((slug: string) =>
  findCurrentArticlePath(getDb(), slug.toLowerCase()),
);

export const getSection = cache((slug: string) => findSection(getDb(), slug));

/** The section a path segment names in other capitals (`/World` for `/world`), to redirect to. */
export async function getSectionInOtherCase(slug: string) {
  const folded = slug.toLowerCase();
  return folded === slug ? null : getSection(folded);
}

/** The request's query string back from Next's parsed form ('' without one). */
export function queryOf(searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(name, one);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

export const getSections = cache(() => listSections(getDb()));

export const getArticlePage = cache((page: number, sectionSlug?: string) =>
  listPublishedArticles(getDb(), { page, sectionSlug }),
);
