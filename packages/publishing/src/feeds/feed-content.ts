import type { Db } from '@newsroom/db';
import { findSection } from '../published-articles';
import { buildFeed } from './build-feed';
import { loadFeedArticles } from './feed-articles';
import type { FeedFormat, SiteInfo } from './feed-settings';

/** The site's feed, or a section's (null when no section has that slug). */
export async function feedXml(
  db: Db,
  site: SiteInfo,
  format: FeedFormat,
  sectionSlug?: string,
): Promise<string | null> {
  const section = sectionSlug === undefined ? undefined : await findSection(db, sectionSlug);
  if (section === null) return null;
  const articles = await loadFeedArticles(db, {
    ...(section && { sectionSlug: section.slug }),
  });
  return buildFeed({ site, ...(section && { section }), articles }, format);
}
