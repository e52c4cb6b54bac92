import { getDb } from '@newsroom/db';
import { feedXml } from '@newsroom/publishing';
import { siteInfo, xmlResponse } from '../../../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** A section's RSS 2.0 feed; 404 for an unknown section. */
export async function GET(request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  return xmlResponse(request, await feedXml(getDb(), siteInfo(), 'rss', section), 'rss');
}
