import { getDb } from '@newsroom/db';
import { newsSitemapXml } from '@newsroom/publishing';
import { siteInfo, xmlResponse } from '../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** Google News sitemap: articles of the last 48 hours. */
export async function GET(request: Request) {
  return xmlResponse(request, await newsSitemapXml(getDb(), siteInfo()), 'sitemap');
}
