// What a cached reader page depends on, as tags. A page records its tags when it is rendered; a
// change announces tags; every page holding one of them is dropped.

export type DependencyTag = string;

/** Pages that show this article: its own page, lists that list it, pages whose related links name it. */
export function articleTag(articleId: string): DependencyTag {
  return `article:${articleId}`;
}

/**
 * Which articles a list shows and in what order: the home page (no section) or a section page.
 * Changes when an article enters or leaves it (publish, unpublish, section change) or moves in it
 * (publication date).
 */
export function listTag(sectionSlug: string | null): DependencyTag {
  return sectionSlug === null ? 'list:home' : `list:section:${sectionSlug}`;
}

/**
 * The sections' names and order, which every reader page shows (the site header's navigation)
 * and which articles and section pages show as headings and rubrics. A section added, renamed or
 * moved drops every page that recorded it.
 */
export const SECTIONS_TAG: DependencyTag = 'sections';
