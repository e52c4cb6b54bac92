import { providerOfDb } from './db-provider';
import type { Prisma } from './generated/sqlite/client';

/**
 * A case-insensitive "contains" filter on both databases. SQLite's LIKE already ignores ASCII
 * case, but PostgreSQL's is case-sensitive, so a search for "taliban" would miss "Taliban" there.
 * PostgreSQL needs `mode: 'insensitive'` (ILIKE), which the SQLite client rejects, hence the
 * provider check. The `Db` type is the SQLite client's, so `mode` is added past the type.
 * Prisma does not escape `%` and `_` in `contains` (and SQLite's LIKE has no default escape
 * character), so they act as wildcards on both databases alike: fine for a search box.
 */
export function containsIgnoringCase(db: object, text: string): Prisma.StringFilter {
  const filter: Prisma.StringFilter = { contains: text };
  if (providerOfDb(db) === 'postgresql') Object.assign(filter, { mode: 'insensitive' });
  return filter;
}
