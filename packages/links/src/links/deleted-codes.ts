import type { Db } from '@newsroom/db';
import { DAY_MS } from '../time/day';
import { codeKeyOf } from './case-keys';
import { LinkError } from './link-errors';

/**
 * How long the code of a deleted link stays reserved (SHORTENER_DELETED_CODE_DAYS): a
 * printed poster or a shared message keeps the old short URL, and it must not start leading
 * somewhere else the moment the link is gone. A month covers most reprints and re-shares.
 */
export const DEFAULT_DELETED_CODE_RESERVE_DAYS = 30;

/** A client or a transaction: reservations are read and written inside the link's own statements. */
type DeletedCodes = Pick<Db, 'deletedCode'>;

export type CodeReservation = { code: string; deletedAt: Date; freeFrom: Date };

/** When a code deleted at `deletedAt` becomes free again. */
function freeFromOf(deletedAt: Date, reserveDays: number): Date {
  return new Date(deletedAt.getTime() + reserveDays * DAY_MS);
}

/** The reservation holding this code (in any case), or null when no recently deleted link had it. */
export async function reservationOf(
  db: DeletedCodes,
  code: string,
  reserveDays: number,
  now = new Date(),
): Promise<CodeReservation | null> {
  if (reserveDays <= 0) return null;
  const row = await db.deletedCode.findUnique({ where: { codeKey: codeKeyOf(code) } });
  if (!row) return null;
  const freeFrom = freeFromOf(row.deletedAt, reserveDays);
  return freeFrom > now ? { code: row.code, deletedAt: row.deletedAt, freeFrom } : null;
}

/**
 * Notes the code of a link being deleted (in the deletion's transaction, so the code is never
 * free in between), and forgets reservations that have ended, which keeps the table small.
 */
export async function reserveDeletedCode(
  tx: DeletedCodes,
  code: string,
  reserveDays: number,
  now = new Date(),
): Promise<void> {
  if (reserveDays <= 0) return;
  const codeKey = codeKeyOf(code);
  await tx.deletedCode.upsert({
    where: { codeKey },
    create: { codeKey, code, deletedAt: now },
    update: { code, deletedAt: now },
  });
  const endedBefore = new Date(now.getTime() - reserveDays * DAY_MS);
  await tx.deletedCode.deleteMany({ where: { deletedAt: { lte: endedBefore } } });
}

/** 409 alias_taken for an alias a recently deleted link had: when, and from when it is free. */
export function recentlyDeletedAlias(alias: string, reservation: CodeReservation): LinkError {
  const spelling =
    reservation.code === alias
      ? ''
      : ` (as "${reservation.code}"; aliases are the same whatever their case)`;
  return new LinkError(
    'alias_taken',
    `The alias "${alias}" belonged to a link deleted recently${spelling}, on ${reservation.deletedAt.toISOString()}: it stays reserved until ${reservation.freeFrom.toISOString()} so that copies of the old short URL never lead somewhere else. Choose another alias, or use this one from then on.`,
  );
}
