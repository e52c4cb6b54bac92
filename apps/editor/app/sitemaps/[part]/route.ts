import { getDb } from '@newsroom/db';
import { sitemapPartXml } from '@newsroom/publishing';
import { siteUrl } from '../../../src/reader/site';
import { xmlResponse } from '../../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** `/sitemaps/<n>.xml`: one part of the sitemap index. */
export async function GET(request: Request, { params }: { params: Promise<{ part: string }> }) {
  const match = /^([1-9][0-9]{0,6})\.xml$/.exec((await params).part);
  const xml = match ? await sitemapPartXml(getDb(), siteUrl(), Number(match[1])) : null;
  return xmlResponse(request, xml, 'sitemap');
}
