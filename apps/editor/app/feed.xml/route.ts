import { getDb } from '@newsroom/db';
import { feedXml } from '@newsroom/publishing';
import { siteInfo, xmlResponse } from '../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** The site's RSS 2.0 feed: the latest articles, full text. */
export async function GET(request: Request) {
  return xmlResponse(request, await feedXml(getDb(), siteInfo(), 'rss'), 'rss');
}
