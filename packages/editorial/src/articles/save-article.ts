import {
  ARTICLE_STATUS,
  collectImageIds,
  collectImageSizes,
  validateArticle,
  type RelatedLinkInput,
  type ValidArticle,
  type ValidationError,
} from '@newsroom/article';
import { canEditArticle, canPublish, canSeeArticle, type Actor } from '@newsroom/auth';
import { isUniqueViolation, type Db, type Prisma } from '@newsroom/db';
import type { LiveChange, LiveChangeReason } from '@newsroom/publishing';
import { z } from 'zod';
import {
  forbidden,
  notFound,
  SLUG_TAKEN,
  validationErrorsOf,
  type EditorialErrorCode,
} from '../errors';
import { isAutosaveRevisionDue, recordRevision, type RevisionReason } from '../revisions/revisions';
import {
  editableArticleInclude,
  findEditableArticle,
  toEditableArticle,
  type EditableArticle,
} from './editable-article';
import { keepLiveInStepIfSame, makeWorkingCopyLive, withdrawLiveVersion } from './live-version';
import { announceLiveChange } from './reader-pages';
import {
  checkRelatedTargets,
  replaceRelatedLinks,
  withoutDeletedTargets,
  writeWithRelated,
} from './related';

export type SaveResult =
  | { status: 'saved'; article: EditableArticle }
  /** Someone saved first: nothing was written; `current` is what is stored now. */
  | { status: 'conflict'; current: EditableArticle }
  /** Nothing was written; `code` says why when it is more than a bad field (e.g. slug_taken). */
  | { status: 'invalid'; errors: ValidationError[]; code?: EditorialErrorCode };

export interface SaveOptions {
  now?: Date;
  revisionIntervalMs?: number;
}

const BASE_VERSION_MESSAGE =
  'baseVersion must be the version of the article you started from: a whole number of at least 1';

/**
 * The largest version an article can have: `version` is a 32-bit integer column (PostgreSQL's
 * `integer`). A larger baseVersion is no version anyone started from, and comparing it with the
 * column made PostgreSQL fail the query ("out of range for type integer"): a 500, not a 422.
 */
const MAX_VERSION = 2_147_483_647;

/** The version a save or an action starts from (the write happens only if it is still current). */
export const baseVersionSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined
        ? 'baseVersion is required: the version of the article you started from'
        : BASE_VERSION_MESSAGE,
  })
  .int(BASE_VERSION_MESSAGE)
  .min(1, BASE_VERSION_MESSAGE)
  .max(MAX_VERSION, `${BASE_VERSION_MESSAGE}, and no article has a version above ${MAX_VERSION}`);

/** The first and last instants both databases store (PostgreSQL refused year 0 and 10,000). */
const EARLIEST_STORABLE = Date.parse('0001-01-01T00:00:00Z');
const LATEST_STORABLE = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An ISO 8601 date and time with its offset, within the years 1 to 9999 GMT: an offset can carry
 * `0001-01-01T00:00+14:00` or `9999-12-31T23:59-23:59` past them, which SQLite stored and
 * PostgreSQL failed with a 500.
 */
export const dateTimeSchema = (field: string) =>
  z.iso
    .datetime({
      offset: true,
      message: `${field} must be an ISO date and time, e.g. 2030-01-31T09:00:00Z`,
      abort: true,
    })
    .refine(
      (text) => Date.parse(text) >= EARLIEST_STORABLE && Date.parse(text) <= LATEST_STORABLE,
      `${field} must fall within the years 1 to 9999 (GMT)`,
    );

const saveEnvelopeSchema = z.object({
  baseVersion: baseVersionSchema,
  publishedAt: dateTimeSchema('publishedAt').nullable().optional(),
});

/**
 * Saves an article if nobody else saved since `baseVersion`. The write is one conditional
 * UPDATE (`WHERE id = ? AND version = ?`), so two saves on the same base can't both win, and
 * a refused save changes nothing: metadata, body and related links are written in one transaction.
 */
export async function saveArticle(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const stored = await db.article.findUnique({
    where: { id },
    select: { authorId: true, status: true },
  });
  // Someone else's draft does not exist for a writer: 404 like an unknown id, not a 403 that
  // would confirm it.
  if (!stored || !canSeeArticle(actor, stored)) throw notFound('The article');
  if (!canEditArticle(actor, stored)) throw cannotEdit(actor);

  const parsed = await parseSave(db, actor, id, input);
  if (!parsed.ok) {
    const slugOnly = parsed.errors.length === 1 && parsed.errors[0] === SLUG_TAKEN;
    return slugOnly ? slugTakenResult : { status: 'invalid', errors: parsed.errors };
  }
  return writeParsedSave(db, actor, id, parsed, options);
}

export interface WriteSaveOptions extends SaveOptions {
  /** Written in the same transaction, with the new version (a co-edited document's bytes). */
  alsoWrite?: ConditionalWrite['alsoWrite'];
}

/**
 * Writes a parsed save through the one write path, with an autosave revision when one is due.
 * Left out, the lead image and the dateline stay as stored; a slug another article took since
 * the check is a field error, not a failure.
 */
export async function writeParsedSave(
  db: Db,
  actor: Actor,
  id: string,
  save: ValidSave,
  options: WriteSaveOptions = {},
): Promise<SaveResult> {
  return writeWithRelated(db, actor, save.article.related, (related) =>
    writeParsedSaveOnce(db, actor, id, { ...save, article: { ...save.article, related } }, options),
  );
}

async function writeParsedSaveOnce(
  db: Db,
  actor: Actor,
  id: string,
  { article, baseVersion, publishedAt }: ValidSave,
  options: WriteSaveOptions,
): Promise<SaveResult> {
  const now = options.now ?? new Date();
  try {
    const saved = await writeIfVersionMatches(db, actor, id, baseVersion, {
      data: {
        title: article.title,
        slug: article.slug,
        sectionId: article.sectionId,
        standfirst: article.standfirst,
        markerStyle: article.markerStyle,
        body: JSON.stringify(article.body),
        ...(article.leadImageId !== undefined ? { leadImageId: article.leadImageId } : {}),
        ...(publishedAt !== undefined ? { publishedAt: publishedAt && new Date(publishedAt) } : {}),
      },
      related: article.related,
      alsoWrite: options.alsoWrite,
      keepLiveInStepIfSame: true,
      now,
      revision: async (tx) =>
        (await isAutosaveRevisionDue(tx, id, now, options.revisionIntervalMs)) ? 'autosave' : null,
    });
    if (!saved) return conflictOrForbidden(db, actor, id);
    return { status: 'saved', article: saved };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTakenResult;
    throw error;
  }
}

const slugTakenResult: SaveResult = { status: 'invalid', errors: [SLUG_TAKEN], code: 'slug_taken' };

type ValidSave = {
  article: ValidArticle;
  baseVersion: number;
  publishedAt: string | null | undefined;
};
type ParsedSave = ({ ok: true } & ValidSave) | { ok: false; errors: ValidationError[] };

export async function parseSave(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<ParsedSave> {
  const envelope = saveEnvelopeSchema.safeParse(input);
  const article = validateArticle(input);
  const errors: ValidationError[] = envelope.success
    ? []
    : validationErrorsOf(envelope.error.issues);
  if (!article.ok) errors.push(...article.errors);
  if (!envelope.success || !article.ok) return { ok: false, errors };
  const related = await withoutDeletedTargets(db, actor, article.value.related);
  const value = { ...article.value, related };
  errors.push(...(await checkReferences(db, actor, id, value)));
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    article: value,
    baseVersion: envelope.data.baseVersion,
    publishedAt: envelope.data.publishedAt,
  };
}

/**
 * What zod can't know: the section exists, the slug is free (no other article has it now or
 * had it live before: its old links redirect by slug), internal links resolve to articles the
 * actor may see, and every image (lead and body) is one that was uploaded.
 */
async function checkReferences(db: Db, actor: Actor, id: string, article: ValidArticle) {
  const [section, slugOwner, slugHistory, related, images] = await Promise.all([
    db.section.findUnique({ where: { id: article.sectionId }, select: { id: true } }),
    db.article.findUnique({ where: { slug: article.slug }, select: { id: true } }),
    db.articlePath.findUnique({ where: { slug: article.slug }, select: { articleId: true } }),
    checkRelatedTargets(db, actor, id, article.related),
    checkImages(db, article),
  ]);
  const errors: ValidationError[] = [];
  if (!section) errors.push({ path: 'sectionId', message: 'no section has this id' });
  if ((slugOwner && slugOwner.id !== id) || (slugHistory && slugHistory.articleId !== id))
    errors.push(SLUG_TAKEN);
  return [...errors, ...related, ...images];
}

async function checkImages(db: Db, article: ValidArticle): Promise<ValidationError[]> {
  const bodyIds = collectImageIds(article.body);
  const wanted = article.leadImageId ? [...bodyIds, article.leadImageId] : bodyIds;
  if (wanted.length === 0) return [];
  const rows = await db.image.findMany({
    where: { id: { in: wanted } },
    select: { id: true, width: true, height: true },
  });
  const stored = new Map(rows.map((row) => [row.id, row]));
  const errors: ValidationError[] = bodyIds
    .filter((imageId) => !stored.has(imageId))
    .map((imageId) => ({ path: 'body', message: `image '${imageId}' was never uploaded` }));
  errors.push(...wrongImageSizes(article.body, stored));
  if (article.leadImageId && !stored.has(article.leadImageId))
    errors.push({ path: 'leadImageId', message: 'no uploaded image has this id' });
  return errors;
}

/**
 * An image node's size is its upload's: readers are sent the renditions that size implies, and
 * one that was never made (a width of 20,000 for a 600 px upload) is a broken picture.
 */
function wrongImageSizes(
  body: ValidArticle['body'],
  stored: ReadonlyMap<string, { width: number; height: number }>,
): ValidationError[] {
  return collectImageSizes(body).flatMap(({ imageId, width, height }) => {
    const upload = stored.get(imageId);
    if (!upload || (upload.width === width && upload.height === height)) return [];
    return [
      {
        path: 'body',
        message: `image '${imageId}' is ${upload.width}×${upload.height} pixels, not ${width}×${height}`,
      },
    ];
  });
}

export interface ConditionalWrite {
  data: Prisma.ArticleUncheckedUpdateManyInput;
  /** More conditions for the write to happen (e.g. a schedule still being due: the claim). */
  where?: Prisma.ArticleWhereInput;
  related?: readonly RelatedLinkInput[];
  /** A revision of the state BEFORE the write (what "Discard changes" throws away). */
  revisionBefore?: RevisionReason;
  /** Which revision (if any) to record of the written state. */
  revision: (tx: Prisma.TransactionClient) => Promise<RevisionReason | null>;
  /** The live version: becomes a copy of the written working copy, or is taken down. */
  live?: { action: 'publish'; reason: LiveChangeReason } | { action: 'withdraw' };
  /** A save: when the working copy now reads as the live version, nothing is unpublished. */
  keepLiveInStepIfSame?: boolean;
  /** More rows to write in the same transaction, knowing the version this write makes. */
  alsoWrite?: (tx: Prisma.TransactionClient, version: number) => Promise<void>;
  now: Date;
}

/** Rolls a transaction back when its conditional UPDATE matched nothing. */
class ConditionNotMet extends Error {}

/**
 * The one place that writes an article: bumps the version only where it still equals
 * `baseVersion` (and, for writers, only their own drafts; and `write.where`), then related links,
 * revisions and the live version in the same transaction. Returns null when the condition did
 * not match (nothing written). Live changes are announced (`announceLiveChange`) after the commit.
 */
export async function writeIfVersionMatches(
  db: Db,
  actor: Actor,
  id: string,
  baseVersion: number,
  write: ConditionalWrite,
): Promise<EditableArticle | null> {
  let result: { article: EditableArticle; change: LiveChange | null };
  try {
    result = await db.$transaction(async (tx) => {
      // Recorded before the conditional write, which it precedes: an article deleted since the
      // caller's checks has nothing to keep, and the write would match nothing either.
      if (
        write.revisionBefore &&
        !(await recordRevision(tx, id, actor.id, write.revisionBefore, write.now))
      )
        throw new ConditionNotMet();
      const { count } = await tx.article.updateMany({
        where: {
          ...write.where,
          id,
          version: baseVersion,
          ...(canPublish(actor) ? {} : { authorId: actor.id, status: ARTICLE_STATUS.draft }),
        },
        data: { ...write.data, version: { increment: 1 } },
      });
      if (count === 0) throw new ConditionNotMet();
      if (write.related) await replaceRelatedLinks(tx, id, write.related);
      if (write.alsoWrite) await write.alsoWrite(tx, baseVersion + 1);
      if (write.keepLiveInStepIfSame) await keepLiveInStepIfSame(tx, id, baseVersion + 1);
      const reason = await write.revision(tx);
      if (reason) await recordRevision(tx, id, actor.id, reason, write.now);
      const change = !write.live
        ? null
        : write.live.action === 'publish'
          ? await makeWorkingCopyLive(tx, id, write.live.reason, write.now)
          : await withdrawLiveVersion(tx, id);
      // Read back inside the transaction: the version returned is the one this write made.
      const row = await tx.article.findUniqueOrThrow({
        where: { id },
        include: editableArticleInclude,
      });
      return { article: toEditableArticle(row, actor), change };
    });
  } catch (error) {
    if (error instanceof ConditionNotMet) return null;
    throw error;
  }
  // After the commit: a page rendered on the news of this change reads the new state.
  if (result.change) await announceLiveChange(result.change);
  return result.article;
}

/** The condition failed: either the version moved on (conflict) or the permission did. */
export async function conflictOrForbidden(db: Db, actor: Actor, id: string): Promise<SaveResult> {
  const current = await findEditableArticle(db, id, actor);
  if (!current || !canSeeArticle(actor, current)) throw notFound('The article');
  if (!canEditArticle(actor, { authorId: current.authorId, status: current.status }))
    throw cannotEdit(actor);
  return { status: 'conflict', current };
}

function cannotEdit(actor: Actor) {
  return forbidden(
    canPublish(actor)
      ? 'You cannot edit this article'
      : 'Writers can edit only their own drafts; ask an editor to change this article',
  );
}
