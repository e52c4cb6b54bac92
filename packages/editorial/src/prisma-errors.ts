import { Prisma } from '@newsroom/db';

/** A unique constraint refused the write (two people picked the same slug at once). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
