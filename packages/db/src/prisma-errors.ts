/**
 * Prisma's error codes, read by shape: the SQLite and PostgreSQL clients are two generated
 * clients with two error classes (and Next.js bundles its own copies), so `instanceof` against
 * one of them would miss the other's errors.
 */
function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused the write (P2002): two writers picked the same slug or code. */
export const isUniqueViolation = (error: unknown): boolean => prismaCode(error) === 'P2002';
/** A foreign key refused the write (P2003): the referenced row does not exist (any more). */
export const isForeignKeyViolation = (error: unknown): boolean => prismaCode(error) === 'P2003';
/** The row to update or delete does not exist (P2025). */
export const isRecordNotFound = (error: unknown): boolean => prismaCode(error) === 'P2025';
