import {
  containsIgnoringCase,
  isForeignKeyViolation,
  isRecordNotFound,
  isUniqueViolation,
  type Db,
  type ShortLink,
} from '@newsroom/db';
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
  { apiKeyId = null, createdById = null, generate = generateCode }: CreateLinkOptions = {},
): Promise<CreateLinkResult> {
  if (input.articleId) {
    const article = await db.article.findUnique({
      where: { id: input.articleId },
      select: { id: true },
    });
    if (!article) throw unknownArticle(input.articleId);
    // A shortcut for the common "ask again" case; the insert below still guards the race.
    const existing = await db.shortLink.findUnique({ where: { articleId: input.articleId } });
    if (existing) return { link: existing, created: false };
  }
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = input.alias ?? generate();
    try {
      const link = await db.shortLink.create({
        data: {
          code,
          url: input.url,
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
      if (input.alias) {
        throw new LinkError('alias_taken', `The alias "${input.alias}" is already in use.`);
      }
    }
  }
  throw new Error(`No free short code found after ${MAX_CODE_ATTEMPTS} attempts`);
}

export async function findLink(db: Db, code: string): Promise<ShortLink | null> {
  return db.shortLink.findUnique({ where: { code } });
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

/** Newest first; `q` matches part of the destination or the code. */
export async function listLinks(db: Db, { q, page, pageSize }: ListLinksQuery) {
  const search = q?.trim();
  const where = search
    ? { OR: [{ url: containsIgnoringCase(db, search) }, { code: { contains: search } }] }
    : {};
  const [links, total] = await Promise.all([
    db.shortLink.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.shortLink.count({ where }),
  ]);
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

export async function deleteLink(db: Db, code: string): Promise<ShortLink> {
  try {
    return await db.shortLink.delete({ where: { code } });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound(code);
    throw error;
  }
}

function notFound(code: string) {
  return new LinkError('not_found', `There is no short link "${code}".`);
}

function unknownArticle(articleId: string) {
  return new LinkError('unknown_article', `There is no article with id "${articleId}".`);
}
