import type { Db } from '@newsroom/db';
import { checkDestination } from '../validation/destination';
import type { DestinationPolicy } from '../validation/destination-policy';

export type RefusedDestination = { code: string; url: string; reason: string };

/**
 * Stored links whose destination the current rules would refuse (created before the rules, or
 * before SHORTENER_HOSTS / the allow-list changed). Read in pages by id, so any number of links
 * fits in memory; only the refused ones are kept.
 */
export async function refusedDestinations(
  db: Db,
  policy: DestinationPolicy,
  pageSize = 5_000,
): Promise<RefusedDestination[]> {
  const refused: RefusedDestination[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await db.shortLink.findMany({
      select: { id: true, code: true, url: true },
      orderBy: { id: 'asc' },
      take: pageSize,
      ...(after && { cursor: { id: after }, skip: 1 }),
    });
    for (const link of page) {
      const check = checkDestination(link.url, policy);
      if (!check.ok) refused.push({ code: link.code, url: link.url, reason: check.message });
    }
    if (page.length < pageSize) return refused;
    after = page[page.length - 1]?.id;
  }
}

export function refusedDestinationsMessage(refused: RefusedDestination[]): string {
  if (refused.length === 0) return '';
  return [
    `${refused.length} short link(s) point where new links may not go (they still redirect, except`,
    'links to the shortener itself, which answer 410). Change their destination or delete them:',
    ...refused.map((link) => `  /${link.code} → ${link.url}\n      ${link.reason}`),
  ].join('\n');
}
