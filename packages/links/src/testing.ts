// @newsroom/links/testing: fixtures shared by this package's tests and the shortener's
// integration tests (not part of the package's runtime API).
import type { Db } from '@newsroom/db';
import { DEFAULT_CLICK_FLUSH_MS } from './config';
import { codeKeyOf } from './links/case-keys';
import { DAY_MS } from './time/day';

export { DESTINATION_CORPUS } from './validation/destination-corpus';

/** How long a test waits for a redirect's click to be written: the default flush interval, and slack. */
export const CLICKS_WRITTEN_WITHIN_MS = 3 * DEFAULT_CLICK_FLUSH_MS;

/** Links by the thousand in plain INSERTs: createMany takes ~20 s for 40,000 on a busy machine. */
export async function insertLinks(db: Db, ids: string[]): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < ids.length; start += 1_000) {
    const rows = ids
      .slice(start, start + 1_000)
      .map((id) => `('${id}', '${id}', 'https://example.com/', '${now}', '${now}')`);
    await db.$executeRawUnsafe(
      `INSERT INTO "ShortLink" ("id", "code", "url", "createdAt", "updatedAt") VALUES ${rows.join(', ')}`,
    );
  }
}

/** Moves a deleted code's reservation back in time, as if its link had been deleted `daysAgo` days ago. */
export async function backdateDeletion(db: Db, code: string, daysAgo: number): Promise<void> {
  await db.deletedCode.update({
    where: { codeKey: codeKeyOf(code) },
    data: { deletedAt: new Date(Date.now() - daysAgo * DAY_MS) },
  });
}
