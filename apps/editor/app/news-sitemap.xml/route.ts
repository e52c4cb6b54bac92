import { getDb } from '@newsroom/db';
import { newsSitemapXml } from '@newsroom/publishing';
import { siteInfo, xmlResponse } from '../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** Google News sitemap: articles of the last 48 hours. */
export async function GET() {
  return xmlResponse(await newsSitemapXml(getDb(), siteInfo()), 'sitemap');
}
