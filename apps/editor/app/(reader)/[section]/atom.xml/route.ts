import { getDb } from '@newsroom/db';
import { feedXml } from '@newsroom/publishing';
import { siteInfo, xmlResponse } from '../../../../src/reader/feed-responses';

export const dynamic = 'force-dynamic';

/** A section's Atom feed; 404 for an unknown section. */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  return xmlResponse(await feedXml(getDb(), siteInfo(), 'atom', section), 'atom');
}
