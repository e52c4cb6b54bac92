import { UTM_FIELDS, type UtmValues } from '../forwarding/utm';
import { codeKeyOf } from './case-keys';
import {
  pageContainingText,
  isForeignKeyViolation,
  isRecordNotFound,
  isUniqueViolation,
  type Db,
  type ShortLink,
} from '@newsroom/db';
import { articlePath } from '@newsroom/article';
import { generateCode } from '../codes/generate-code';
import type { CreateLinkInput, UpdateLinkInput } from '../validation/link-input';
import {
  DEFAULT_DELETED_CODE_RESERVE_DAYS,
  recentlyDeletedAlias,
  reservationOf,
  reserveDeletedCode,
} from './deleted-codes';
import { LinkError } from './link-errors';

/** A generated code collides once in ~10^13 draws; a few retries make failure impossible in practice. */
const MAX_CODE_ATTEMPTS = 5;

export type CreateLinkOptions = {
  apiKeyId?: string | null;
  /** The member of staff creating it (staff pages); writers may manage only their own links. */
  createdById?: string | null;
  generate?: () => string;
  /** Keys shared by links that clashed by case before the rule (see case-keys.ts): refused too. */
  caseClashKeys?: ReadonlySet<string>;
  /**
   * The reader site's base URL: an article's link stores the article's address there, whatever
   * the request said (the link follows the article; a client's `url` is not trusted).
   */
  readerSiteUrl?: string;
  /** Days the code of a deleted link stays reserved (SHORTENER_DELETED_CODE_DAYS). */
  deletedCodeReserveDays?: number;
};
export type CreateLinkResult = { link: ShortLink; created: boolean };

/**
 * Creates a short link. Uniqueness is the database's job: the insert is attempted and a
 * unique-constraint conflict decides what happens next (never "check, then insert", which two
 * concurrent requests would both pass):
 *  - on the article: that article already has its canonical link → return it (created: false);
 *  - on a chosen alias → LinkError alias_taken;
 *  - on a generated code → draw another code.
 * The code of a recently deleted link is reserved (see deleted-codes.ts). A chosen alias is
 * inserted and then checked against the reservations in one transaction: a deletion either
 * committed before (its reservation is seen, the insert is undone: 409) or the old link was
 * still there (unique conflict: 409), so a DELETE and a POST of one alias never both win. A
 * generated code is checked before its insert: it could only slip through if the random draw
 * hit a code created and deleted within those milliseconds.
 */
export async function createLink(
  db: Db,
  input: CreateLinkInput,
  {
    apiKeyId = null,
    createdById = null,
    generate = generateCode,
    caseClashKeys,
    readerSiteUrl,
    deletedCodeReserveDays = DEFAULT_DELETED_CODE_RESERVE_DAYS,
  }: CreateLinkOptions = {},
): Promise<CreateLinkResult> {
  if (input.alias && caseClashKeys?.has(codeKeyOf(input.alias))) throw aliasTaken(input.alias);
  let url = input.url;
  if (input.articleId) {
    const article = await db.article.findUnique({
      where: { id: input.articleId },
      select: { slug: true, section: { select: { slug: true } } },
    });
    if (!article) throw unknownArticle(input.articleId);
    if (readerSiteUrl) url = `${readerSiteUrl}${articlePath(article)}`;
    // A shortcut for the common "ask again" case; the insert below still guards the race.
    const existing = await findArticleLink(db, input.articleId);
    if (existing) return { link: existing, created: false };
  }
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = input.alias ?? generate();
    if (caseClashKeys?.has(codeKeyOf(code))) continue;
    if (!input.alias && (await reservationOf(db, code, deletedCodeReserveDays))) continue;
    const data = {
      code,
      codeKey: codeKeyOf(code),
      url,
      forwardQuery: input.forwardQuery ?? true,
      ...utmData(input),
      articleId: input.articleId ?? null,
      redirectType: input.redirectType,
      expiresAt: input.expiresAt,
      apiKeyId,
      createdById,
    };
    try {
      const link = input.alias
        ? await createUnlessReserved(db, data, input.alias, deletedCodeReserveDays)
        : await db.shortLink.create({ data });
      return { link, created: true };
    } catch (error) {
      if (isForeignKeyViolation(error) && input.articleId) {
        throw unknownArticle(input.articleId);
      }
      if (!isUniqueViolation(error)) throw error;
      if (input.articleId) {
        const existing = await findArticleLink(db, input.articleId);
        if (existing) return { link: existing, created: false };
      }
      if (input.alias) throw aliasTaken(input.alias, await findLink(db, input.alias));
    }
  }
  throw new Error(`No free short code found after ${MAX_CODE_ATTEMPTS} attempts`);
}

type NewLinkData = Parameters<Db['shortLink']['create']>[0]['data'];

/** Inserts a link with a chosen alias, undone when a recently deleted link had the alias. */
function createUnlessReserved(
  db: Db,
  data: NewLinkData,
  alias: string,
  reserveDays: number,
): Promise<ShortLink> {
  if (reserveDays <= 0) return db.shortLink.create({ data });
  return db.$transaction(async (tx) => {
    const link = await tx.shortLink.create({ data });
    const reservation = await reservationOf(tx, alias, reserveDays);
    if (reservation) throw recentlyDeletedAlias(alias, reservation);
    return link;
  });
}

/** The link with this code: the exact spelling first (links that clashed by case), then any case. */
export async function findLink(db: Db, code: string): Promise<ShortLink | null> {
  return (
    (await db.shortLink.findUnique({ where: { code } })) ??
    (await db.shortLink.findUnique({ where: { codeKey: codeKeyOf(code) } }))
  );
}

/** An article's own link (an article has at most one), or null while it has none. */
export async function findArticleLink(db: Db, articleId: string): Promise<ShortLink | null> {
  return db.shortLink.findUnique({ where: { articleId } });
}

export async function findLinkOrThrow(db: Db, code: string): Promise<ShortLink> {
  const link = await findLink(db, code);
  if (!link) throw notFound(code);
  return link;
}

/** Clicks of one link: the total and one entry per day that had clicks, oldest first. */
export async function clickStats(db: Db, linkId: string) {
  const days = await db.clickDay.findMany({
    where: { linkId },
    orderBy: { day: 'asc' },
    select: { day: true, count: true },
  });
  return { total: days.reduce((sum, day) => sum + day.count, 0), days };
}

export type ListLinksQuery = {
  q?: string;
  articleId?: string;
  disabled?: boolean;
  page: number;
  pageSize: number;
};

/**
 * Newest first; `q` matches part of the destination or the code (in any case); `articleId` and
 * `disabled` keep only those links.
 */
export async function listLinks(
  db: Db,
  { q, articleId, disabled, page, pageSize }: ListLinksQuery,
) {
  // Codes are case-insensitive, so the code is searched ignoring case like the destination.
  const { rows: links, total } = await pageContainingText({
    db,
    columns: ['url', 'code'],
    text: q?.trim() ?? '',
    where: {
      ...(articleId !== undefined && { articleId }),
      ...(disabled !== undefined && { disabled }),
    },
    skip: (page - 1) * pageSize,
    take: pageSize,
    findMany: (args) =>
      db.shortLink.findMany({ ...args, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    count: (where) => db.shortLink.count({ where }),
  });
  return { links, total, page, pageSize };
}

export async function updateLink(db: Db, code: string, input: UpdateLinkInput) {
  try {
    return await db.shortLink.update({ where: { code }, data: input });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound(code);
    throw error;
  }
}

/** Why an article's own link cannot be deleted. */
export const ARTICLE_LINK_DELETE =
  'This link belongs to an article: the copies readers shared must keep leading to it. Disable it instead (it then answers 410), or take the article down.';

/**
 * Deletes a link, never an article's own: it lives as long as its article. Its code stays
 * reserved for `deletedCodeReserveDays` (written in the same transaction as the deletion).
 */
export async function deleteLink(
  db: Db,
  code: string,
  {
    deletedCodeReserveDays = DEFAULT_DELETED_CODE_RESERVE_DAYS,
  }: { deletedCodeReserveDays?: number } = {},
): Promise<ShortLink> {
  const link = await db.shortLink.findUnique({ where: { code } });
  if (!link) throw notFound(code);
  if (link.articleId !== null) throw new LinkError('article_link', ARTICLE_LINK_DELETE);
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.shortLink.deleteMany({ where: { id: link.id, articleId: null } });
    if (count === 0) return false;
    await reserveDeletedCode(tx, link.code, deletedCodeReserveDays);
    return true;
  });
  if (!deleted) throw notFound(code);
  return link;
}

function aliasTaken(alias: string, existing?: ShortLink | null) {
  const spelling =
    existing && existing.code !== alias
      ? ` as "${existing.code}" (aliases are the same whatever their case)`
      : '';
  return new LinkError('alias_taken', `The alias "${alias}" is already in use${spelling}.`);
}

/** The UTM columns of a create or update input: only the fields given, "" and null as null. */
function utmData(input: UtmValues): UtmValues {
  return Object.fromEntries(
    UTM_FIELDS.filter((field) => input[field] !== undefined).map((field) => [
      field,
      input[field] || null,
    ]),
  );
}

function notFound(code: string) {
  return new LinkError('not_found', `There is no short link "${code}".`);
}

function unknownArticle(articleId: string) {
  return new LinkError('unknown_article', `There is no article with id "${articleId}".`);
}
