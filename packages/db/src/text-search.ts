import { providerOfDb } from './db-provider';

/** `%`, `_` and the escape character itself, escaped for PostgreSQL's LIKE (default ESCAPE `\`). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const LIKE_WILDCARD = /[%_]/;

/** Lower case for A-Z only: SQLite's LIKE ignores the case of ASCII letters only. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

export type TextSearchPage<Row, Where> = {
  db: object;
  /** The fields searched (any of them may hold the text). */
  columns: readonly string[];
  /**
   * Searched for literally, ignoring case: "utm_source" or "100%" finds just those characters.
   * Empty: no condition.
   */
  text: string;
  /** The caller's other conditions. */
  where: Where;
  skip?: number;
  take: number;
  /** The caller's query (its order and selection; the selection must hold `columns`). */
  findMany: (args: { where: Where; skip?: number; take?: number }) => Promise<Row[]>;
  /** How many rows match in all; without it, `total` is the page's length. */
  count?: (where: Where) => Promise<number>;
};

/**
 * One page of the rows matching `where` whose `columns` contain `text`, and how many there
 * are. Prisma's `contains` becomes LIKE without escaping anything (checked with Prisma 7 on both
 * databases), so `%` and `_` would be wildcards:
 * - PostgreSQL: `contains` with the text escaped (LIKE/ILIKE escape with `\` by default) and
 *   `mode: 'insensitive'` (ILIKE; PostgreSQL's LIKE is case-sensitive).
 * - SQLite: LIKE has no escape character unless the SQL names one, which Prisma's does not. Text
 *   without `%` or `_` is literal there already (`\` included), and LIKE ignores ASCII case.
 *   Text with them selects a superset with LIKE, and the rows that really contain the text are
 *   kept here, in the caller's order, before paging. (A list of matching keys cannot be sent
 *   back instead: Prisma refuses more than 999 parameters on SQLite.)
 */
export async function pageContainingText<Row extends object, Where extends object>(
  search: TextSearchPage<Row, Where>,
): Promise<{ rows: Row[]; total: number }> {
  const { db, columns, text, skip = 0, take } = search;
  // No stored text holds NUL (PostgreSQL's text cannot), and neither database can search for it:
  // SQLite's LIKE ends the pattern there (`\0abc` matched every row), PostgreSQL refuses it.
  if (text.includes('\0')) return { rows: [], total: 0 };
  const postgres = providerOfDb(db) === 'postgresql';
  const filter = postgres
    ? { contains: escapeLikePattern(text), mode: 'insensitive' }
    : { contains: text };
  // No text: every row matches.
  const where = text
    ? ({ AND: [search.where, { OR: columns.map((column) => ({ [column]: filter })) }] } as Where)
    : search.where;
  if (postgres || !LIKE_WILDCARD.test(text)) {
    const [rows, total] = await Promise.all([
      search.findMany({ where, skip, take }),
      search.count ? search.count(where) : null,
    ]);
    return { rows, total: total ?? rows.length };
  }
  const wanted = asciiLower(text);
  const matching = (await search.findMany({ where })).filter((row) =>
    columns.some((column) => {
      const value = (row as Record<string, unknown>)[column];
      return typeof value === 'string' && asciiLower(value).includes(wanted);
    }),
  );
  return { rows: matching.slice(skip, skip + take), total: matching.length };
}
