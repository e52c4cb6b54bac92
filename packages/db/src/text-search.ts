import { providerOfDb } from './db-provider';

/** The tables and columns searched as text, by their names in the database (no @@map here). */
export type TextSearchTarget =
  | { table: 'Article'; key: 'id'; columns: readonly 'title'[] }
  | { table: 'ArticleLive'; key: 'articleId'; columns: readonly 'title'[] }
  | { table: 'ShortLink'; key: 'id'; columns: readonly ('url' | 'code' | 'codeKey')[] };

/** A where-input for one model: the key in a list, or any of the columns matching a filter. */
export type TextSearchWhere = Record<string, unknown>;

const LIKE_WILDCARD = /[%_]/;

/** `%`, `_` and the escape character itself, escaped for PostgreSQL's LIKE (default ESCAPE `\`). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * A where-input matching rows where any of the target's columns contains `text` literally,
 * ignoring case: a search for "utm_source" or "100%" finds exactly those characters. Prisma's
 * `contains` becomes LIKE without escaping anything (checked on Prisma 7 on both databases), so:
 * - PostgreSQL: `contains` with the text escaped (its LIKE/ILIKE escape with `\` by default) and
 *   `mode: 'insensitive'` (ILIKE; its LIKE is case-sensitive).
 * - SQLite: LIKE has no escape character unless the SQL names one, which Prisma does not. Text
 *   without `%` or `_` is already literal there (`\` included) and LIKE ignores ASCII case; text
 *   with them is looked up with `instr(lower(column), lower(text))` (the same ASCII-only case
 *   folding) and the rows are then selected by key, so pagination and counts stay Prisma's.
 */
export async function containsTextIgnoringCase(
  db: object,
  target: TextSearchTarget,
  text: string,
): Promise<TextSearchWhere> {
  const anyColumn = (filter: object) => ({
    OR: target.columns.map((column) => ({ [column]: filter })),
  });
  if (providerOfDb(db) === 'postgresql')
    return anyColumn({ contains: escapeLikePattern(text), mode: 'insensitive' });
  if (!LIKE_WILDCARD.test(text)) return anyColumn({ contains: text });
  const keys = await keysContaining(db, target, text);
  return { [target.key]: { in: keys } };
}

async function keysContaining(
  db: object,
  target: TextSearchTarget,
  text: string,
): Promise<string[]> {
  // Identifiers come from the TextSearchTarget type's fixed names, never from input.
  const condition = target.columns
    .map((column) => `instr(lower("${column}"), lower(?)) > 0`)
    .join(' OR ');
  const rows = await (
    db as { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise<{ key: string }[]> }
  ).$queryRawUnsafe(
    `SELECT "${target.key}" AS key FROM "${target.table}" WHERE ${condition}`,
    ...target.columns.map(() => text),
  );
  return rows.map((row) => row.key);
}
