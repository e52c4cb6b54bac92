import type { MarkerStyle, RelatedLinkInput } from '@newsroom/article';
import type { Actor } from '@newsroom/auth';
import type { Db } from '@newsroom/db';
import type { JSONContent } from '@tiptap/core';
import { parseSave, writeParsedSave, type SaveResult, type WriteSaveOptions } from './save-article';

/** The co-edited part of a working copy (what the shared document holds). */
export interface SharedArticle {
  title: string;
  slug: string;
  sectionId: string;
  standfirst: string;
  markerStyle: MarkerStyle;
  /** The dateline; null leaves the stored one (a first publication sets it on the server). */
  publishedAt: string | null;
  leadImageId: string | null;
  body: JSONContent;
  related: RelatedLinkInput[];
}

/**
 * Writes the working copy derived from a co-edited document: the same checks, conditional
 * write, revisions and permissions as a save from the edit page (it goes through the one write
 * path), on behalf of the person whose edit it carries. `baseVersion` is the version the shared
 * document last wrote or was loaded from; a conflict means the working copy changed outside it.
 */
export async function saveSharedArticle(
  db: Db,
  actor: Actor,
  id: string,
  article: SharedArticle,
  baseVersion: number,
  options: WriteSaveOptions = {},
): Promise<SaveResult> {
  const { publishedAt, ...rest } = article;
  const parsed = await parseSave(db, actor, id, {
    ...rest,
    baseVersion,
    publishedAt: publishedAt ?? undefined,
  });
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  return writeParsedSave(db, actor, id, parsed, options);
}
