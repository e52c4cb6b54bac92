import type { MarkerStyle, RelatedLinkInput } from '@newsroom/article';
import type { EditableArticle, LeadImage, RelatedEntry } from '@newsroom/editorial';
// The browser entry: the package's main one brings the database with it.
import { editableFieldsOf } from '@newsroom/editorial/browser';
import {
  ARTICLE_LIMITS,
  isSlugOfTitle,
  linkedArticleIds,
  parseLinkAddress,
  RELATED_LINK,
  removedRelatedLinksNotice,
  repairedRelated,
  SLUG_PATTERN,
  slugify,
} from '@newsroom/article';
import type { JSONContent } from '@tiptap/core';

/** Everything the user edits; what autosave sends and what the browser backup holds. */
export interface ArticleDraft {
  title: string;
  slug: string;
  sectionId: string;
  standfirst: string;
  markerStyle: MarkerStyle;
  publishedAt: string | null;
  related: RelatedEntry[];
  /** Shown in the side panel; saved as `leadImageId`. Absent in backups from before images. */
  leadImage?: LeadImage | null;
  body: JSONContent;
}

export type DraftMeta = Omit<ArticleDraft, 'body'>;

export function draftOf(article: EditableArticle): ArticleDraft {
  const { body, ...fields } = editableFieldsOf(article);
  // The body last, as the form's snapshots have it: autosave compares them as JSON text.
  return { ...fields, leadImage: article.leadImage, body };
}

export function relatedInputOf(entry: RelatedEntry): RelatedLinkInput {
  return 'articleId' in entry
    ? { articleId: entry.articleId }
    : { url: entry.url, title: entry.title };
}

/**
 * The related list as the page shows it: repaired so the validator accepts it (stored before a
 * stricter check, it would make every save fail): without external entries whose address is
 * refused or entries repeating an earlier one, with titles mended (see repairedRelated); and
 * what the page tells about the entries left out (null: none). The next save sends it so.
 */
export function shownRelated(related: readonly RelatedEntry[]): {
  related: RelatedEntry[];
  notice: string | null;
} {
  const shown = repairedRelated(related);
  const notice = shown.removed.length > 0 ? removedRelatedLinksNotice(shown.removed) : null;
  return { related: shown.related, notice };
}

/**
 * The related list shown, without the internal entries that were sent but are not in the list
 * the server stored: it drops entries whose draft was deleted since, and the page must stop
 * showing them. Entries added while the save was out stay. Null when nothing was dropped.
 */
export function withoutDroppedRelated(
  shown: readonly RelatedEntry[],
  sent: readonly RelatedEntry[],
  stored: readonly RelatedEntry[],
): RelatedEntry[] | null {
  const kept = new Set(linkedArticleIds(stored));
  const dropped = new Set(
    sent.flatMap((entry) =>
      'articleId' in entry && !kept.has(entry.articleId) ? [entry.articleId] : [],
    ),
  );
  if (dropped.size === 0) return null;
  return shown.filter((entry) => !('articleId' in entry && dropped.has(entry.articleId)));
}

export function saveRequestOf({ leadImage, ...draft }: ArticleDraft, baseVersion: number) {
  return {
    ...draft,
    baseVersion,
    related: draft.related.map(relatedInputOf),
    // Left out (not null) when the draft never knew about lead images: the stored one stays.
    ...(leadImage === undefined ? {} : { leadImageId: leadImage?.id ?? null }),
  };
}

/**
 * The slug follows the headline while the article has never been published and the slug is
 * still the one derived from the headline (possibly with the "-2" made for uniqueness).
 */
export function slugFollowsTitle(article: Pick<EditableArticle, 'slug' | 'title' | 'publishedAt'>) {
  if (article.publishedAt) return false;
  return isSlugOfTitle(article.slug, article.title);
}

/**
 * The slug while it follows the headline: the new headline's, unless that is the one the slug
 * already is (with its "-2": "article-2" stays when a headline in another script edits to
 * another that also gives "article", which another article has).
 */
export function followingSlug(currentSlug: string, title: string): string {
  return isSlugOfTitle(currentSlug, title) ? currentSlug : slugify(title);
}

/**
 * The next slug to try while the slug follows the headline and the server says it is taken:
 * "storm" → "storm-2" → "storm-3", as "New article" does (the server has the last word).
 */
export function nextSlugToTry(slug: string, title: string): string {
  const base = slugify(title);
  const suffix = new RegExp(`^${base}-(\\d+)$`).exec(slug);
  return `${base}-${suffix ? Number(suffix[1]) + 1 : 2}`;
}

export { slugify };

/** Inline message for the slug field, or null. The server still decides uniqueness. */
export function slugProblem(slug: string): string | null {
  if (!slug) return 'The slug is required';
  if (slug.length > ARTICLE_LIMITS.maxSlugLength)
    return `Keep the slug to ${ARTICLE_LIMITS.maxSlugLength} characters or fewer`;
  if (!SLUG_PATTERN.test(slug)) return 'Use lowercase letters, digits and single hyphens';
  return null;
}

/** `<input type="datetime-local">` value in GMT ↔ ISO string. */
export function toGmtInputValue(iso: string | null): string {
  return iso ? iso.slice(0, 16) : '';
}

export function fromGmtInputValue(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** What is wrong with a related link's address (the server's own check and words), or null. */
export function relatedUrlProblem(raw: string): string | null {
  const address = parseLinkAddress(raw, RELATED_LINK);
  return address.ok ? null : address.problem;
}
