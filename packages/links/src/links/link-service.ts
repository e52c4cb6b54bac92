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
};
export type CreateLinkResult = { link: ShortLink; created: boolean };

/**
 * Creates a short link. Uniqueness is the database's job: the insert is attempted and a
 * unique-constraint conflict decides what happens next (never "check, then insert", which two
 * concurrent requests would both pass):
 *  - on the article: that article already has its canonical link → return it (created: false);
 *  - on a chosen alias → LinkError alias_taken;
 *  - on a generated code → draw another code.
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
    const existing = await db.shortLink.findUnique({ where: { articleId: input.articleId } });
    if (existing) return { link: existing, created: false };
  }
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = input.alias ?? generate();
    if (caseClashKeys?.has(codeKeyOf(code))) continue;
    try {
      const link = await db.shortLink.create({
        data: {
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
        },
      });
      return { link, created: true };
    } catch (error) {
      if (isForeignKeyViolation(error) && input.articleId) {
        throw unknownArticle(input.articleId);
      }
      if (!isUniqueViolation(error)) throw error;
      if (input.articleId) {
        const existing = await db.shortLink.findUnique({ where: { articleId: input.articleId } });
        if (existing) return { link: existing, created: false };
      }
      if (input.alias) throw aliasTaken(input.alias, await findLink(db, input.alias));
    }
  }
  throw new Error(`No free short code found after ${MAX_CODE_ATTEMPTS} attempts`);
}

/** The link with this code: the exact spelling first (links that clashed by case), then any case. */
export async function findLink(db: Db, code: string): Promise<ShortLink | null> {
  return (
    (await db.shortLink.findUnique({ where: { code } })) ??
    (await db.shortLink.findUnique({ where: { codeKey: codeKeyOf(code) } }))
  );
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

export type ListLinksQuery = { q?: string; page: number; pageSize: number };

/** Newest first; `q` matches part of the destination or the code (in any case). */
export async function listLinks(db: Db, { q, page, pageSize }: ListLinksQuery) {
  // Codes are case-insensitive, so the code is searched ignoring case like the destination.
  const { rows: links, total } = await pageContainingText({
    db,
    columns: ['url', 'code'],
    text: q?.trim() ?? '',
    where: {},
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

/** Deletes a link, never an article's own: it lives as long as its article. */
export async function deleteLink(db: Db, code: string): Promise<ShortLink> {
  const link = await db.shortLink.findUnique({ where: { code } });
  if (!link) throw notFound(code);
  if (link.articleId !== null) throw new LinkError('article_link', ARTICLE_LINK_DELETE);
  const { count } = await db.shortLink.deleteMany({ where: { id: link.id, articleId: null } });
  if (count === 0) throw notFound(code);
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
