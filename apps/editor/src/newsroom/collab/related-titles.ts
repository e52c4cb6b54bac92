import { UNPUBLISHED_RELATED_TITLE } from '@newsroom/article';
import type { RelatedEntry } from '@newsroom/editorial';

/**
 * How the shared document's related entries read on this page. The shared document names an
 * unpublished article only as such (everyone on the article reads it, and a draft's headline is
 * for those who may see the draft); the page, loaded for its viewer, knows the headlines they
 * may see, and shows those. Only what is shown changes: the entries written back stay as shared.
 */
export function relatedTitlesFor(
  loadedForViewer: readonly RelatedEntry[],
): (entry: RelatedEntry) => string {
  const known = new Map(
    loadedForViewer.flatMap((entry) =>
      'articleId' in entry ? [[entry.articleId, entry.title] as const] : [],
    ),
  );
  return (entry) =>
    'articleId' in entry && entry.title === UNPUBLISHED_RELATED_TITLE
      ? (known.get(entry.articleId) ?? entry.title)
      : entry.title;
}
