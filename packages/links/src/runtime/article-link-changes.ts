import type { Db } from '@newsroom/db';
import type { ChangeBus } from '@newsroom/shared-state';
import { LINK_CHANGES_TOPIC } from './shortener-runtime';

/**
 * An article's live version changed (published, updated, moved, taken down): its canonical
 * short links resolve to a new place, so every shortener instance forgets them now rather than
 * when their cache entry expires. Called by the editor, which makes those changes.
 */
export async function announceArticleLinksChanged(
  db: Db,
  changes: ChangeBus,
  articleId: string,
): Promise<void> {
  const links = await db.shortLink.findMany({ where: { articleId }, select: { code: true } });
  await Promise.all(links.map((link) => changes.publish(LINK_CHANGES_TOPIC, link.code)));
}
