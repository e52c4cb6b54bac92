import { readerPagesChanged, type ReaderPagesChange } from '@newsroom/reader-cache';
import { PUBLISHED } from '@newsroom/publishing';

/** What of an article decides which reader pages show it. */
export interface ReaderVisibleState {
  status: string;
  publishedAt: Date | string | null;
  section: { slug: string };
}

export const readerVisibleSelect = {
  status: true,
  publishedAt: true,
  section: { select: { slug: true } },
} as const;

function time(value: Date | string | null): number | null {
  return value === null ? null : new Date(value).getTime();
}

/**
 * Which reader pages a write changed. Nothing, when readers saw the article neither before nor
 * after (a draft). Its own page and the pages that list or link it, when they did. The lists,
 * when it entered or left them or moved in them (publish, unpublish, new section, new date).
 */
export function readerPagesChangeOf(
  articleId: string,
  before: ReaderVisibleState,
  after: ReaderVisibleState,
): ReaderPagesChange | null {
  const wasLive = before.status === PUBLISHED;
  const isLive = after.status === PUBLISHED;
  if (!wasLive && !isLive) return null;
  const listsMoved =
    wasLive !== isLive ||
    before.section.slug !== after.section.slug ||
    time(before.publishedAt) !== time(after.publishedAt);
  const sections = [...new Set([before.section.slug, after.section.slug])];
  return { articleIds: [articleId], lists: listsMoved ? [null, ...sections] : [] };
}

/**
 * The newsroom's one hook into reader pages: every committed write of an article passes here.
 * Scheduling and live/working copies will announce through the same call.
 */
export async function announceReaderPagesChange(
  articleId: string,
  before: ReaderVisibleState,
  after: ReaderVisibleState,
): Promise<void> {
  const change = readerPagesChangeOf(articleId, before, after);
  if (change) await readerPagesChanged(change);
}
