import { getDb } from '@newsroom/db';
import { sitemapXml } from '@newsroom/publishing';
import { siteUrl } from '../../src/reader/site';
import { xmlResponse } from '../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** Every published article with lastmod; an index of /sitemaps/<n>.xml when there are many. */
export async function GET(request: Request) {
  return xmlResponse(request, await sitemapXml(getDb(), siteUrl()), 'sitemap');
}
