import type { MarkerStyle, RelatedLinkInput } from '@newsroom/article';
import type { Actor } from '@newsroom/auth';
import { isUniqueViolation, type Db, type Prisma } from '@newsroom/db';
import type { JSONContent } from '@tiptap/core';
import { isAutosaveRevisionDue } from '../revisions/revisions';
import { SLUG_TAKEN } from '../errors';
import {
  conflictOrForbidden,
  parseSave,
  writeIfVersionMatches,
  type SaveOptions,
  type SaveResult,
} from './save-article';

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

export interface SharedSaveOptions extends SaveOptions {
  /** Written in the same transaction (the shared document's bytes), with the new version. */
  alsoWrite?: (tx: Prisma.TransactionClient, version: number) => Promise<void>;
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
  options: SharedSaveOptions = {},
): Promise<SaveResult> {
  const { publishedAt, ...rest } = article;
  const parsed = await parseSave(db, id, {
    ...rest,
    baseVersion,
    publishedAt: publishedAt ?? undefined,
  });
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const now = options.now ?? new Date();
  const valid = parsed.article;
  try {
    const saved = await writeIfVersionMatches(db, actor, id, baseVersion, {
      data: {
        title: valid.title,
        slug: valid.slug,
        sectionId: valid.sectionId,
        standfirst: valid.standfirst,
        markerStyle: valid.markerStyle,
        body: JSON.stringify(valid.body),
        leadImageId: valid.leadImageId ?? null,
        ...(parsed.publishedAt ? { publishedAt: new Date(parsed.publishedAt) } : {}),
      },
      related: valid.related,
      alsoWrite: options.alsoWrite,
      now,
      revision: async (tx) =>
        (await isAutosaveRevisionDue(tx, id, now, options.revisionIntervalMs)) ? 'autosave' : null,
    });
    if (!saved) return conflictOrForbidden(db, actor, id);
    return { status: 'saved', article: saved };
  } catch (error) {
    if (isUniqueViolation(error))
      return { status: 'invalid', errors: [SLUG_TAKEN], code: 'slug_taken' };
    throw error;
  }
}
