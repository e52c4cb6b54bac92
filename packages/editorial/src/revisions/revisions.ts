import type { MarkerStyle, RelatedLinkInput } from '@newsroom/article';
import type { Db, Prisma } from '@newsroom/db';
import type { JSONContent } from '@tiptap/core';
import { relatedInputsOf } from '../articles/live-version';
import { notFound } from '../errors';

/**
 * discard: the working copy as it was just before "Discard changes" threw it away; replaced: as
 * it was just before a restore replaced it.
 */
export type RevisionReason =
  | 'autosave'
  | 'publish'
  | 'restore'
  | 'discard'
  | 'replaced'
  /** A "Publish at" / "Update at" whose time came but which could not go live (see the log). */
  | 'schedule-cancelled';

/** Autosaves leave at most one revision per this interval (publish and restore always do). */
export const AUTOSAVE_REVISION_INTERVAL_MS = 10 * 60 * 1000;

type Tx = Prisma.TransactionClient;

/**
 * Snapshots the article as it now stands inside `tx` (after the write, or before it for what a
 * write replaces). False, recording nothing, when there is no such article (deleted meanwhile).
 */
export async function recordRevision(
  tx: Tx,
  articleId: string,
  authorId: string,
  reason: RevisionReason,
  now = new Date(),
): Promise<boolean> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    include: { relatedLinks: { orderBy: { position: 'asc' } } },
  });
  if (!article) return false;
  const related = relatedInputsOf(article.relatedLinks);
  await tx.articleRevision.create({
    data: {
      articleId,
      version: article.version,
      title: article.title,
      standfirst: article.standfirst,
      body: article.body,
      markerStyle: article.markerStyle,
      relatedLinks: JSON.stringify(related),
      reason,
      authorId,
      createdAt: now,
    },
  });
  return true;
}

/** True when the article has no revision yet, or its newest is older than the interval. */
export async function isAutosaveRevisionDue(
  tx: Tx,
  articleId: string,
  now: Date,
  intervalMs = AUTOSAVE_REVISION_INTERVAL_MS,
) {
  const latest = await tx.articleRevision.findFirst({
    where: { articleId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  return !latest || now.getTime() - latest.createdAt.getTime() >= intervalMs;
}

export interface RevisionSummary {
  id: string;
  version: number;
  reason: string;
  createdAt: string;
  author: { id: string; name: string };
}

export interface RevisionDetail extends RevisionSummary {
  title: string;
  standfirst: string;
  markerStyle: MarkerStyle;
  body: JSONContent;
  related: RelatedLinkInput[];
}

/** Newest first, with who made each. */
export async function listRevisions(db: Db, articleId: string): Promise<RevisionSummary[]> {
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    select: {
      id: true,
      version: true,
      reason: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
    },
    take: 200,
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export async function getRevision(
  db: Db,
  articleId: string,
  revisionId: string,
): Promise<RevisionDetail> {
  const row = await db.articleRevision.findFirst({
    where: { id: revisionId, articleId },
    include: { author: { select: { id: true, name: true } } },
  });
  if (!row) throw notFound('The revision');
  return {
    id: row.id,
    version: row.version,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    title: row.title,
    standfirst: row.standfirst,
    markerStyle: row.markerStyle === 'numeric' ? 'numeric' : 'symbols',
    body: JSON.parse(row.body) as JSONContent,
    related: JSON.parse(row.relatedLinks) as RelatedLinkInput[],
  };
}
