import { notifyLiveChange, type LiveChange } from '@newsroom/publishing';
import { readerPagesChanged, type ReaderPagesChange } from '@newsroom/reader-cache';

/**
 * Which reader pages a live change alters: the article's own page and the pages that list or
 * link it always; the home page and its sections' lists only when it entered or left them or
 * moved in them (publish, unpublish, new section, new dateline).
 */
export function readerPagesChangeOf(change: LiveChange): ReaderPagesChange {
  const sections = [change.before?.sectionSlug, change.after?.sectionSlug].filter(
    (slug): slug is string => slug !== undefined,
  );
  return {
    articleIds: [change.articleId],
    lists: change.listsMoved ? [null, ...new Set(sections)] : [],
  };
}

/**
 * The newsroom's one announcement that what readers see changed, after the commit of every
 * publish, update, unpublish and schedule firing: reader-page caches on every instance, then
 * this process's live-change listeners (short links, tests).
 */
export async function announceLiveChange(change: LiveChange): Promise<void> {
  await readerPagesChanged(readerPagesChangeOf(change));
  await notifyLiveChange(change);
}
