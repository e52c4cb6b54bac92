import { buildRobotsTxt, FEED_CACHE_CONTROL, FEED_PATHS } from '@newsroom/publishing';
import { siteUrl } from '../../src/reader/site';

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(buildRobotsTxt(siteUrl(), [FEED_PATHS.sitemap, FEED_PATHS.newsSitemap]), {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': FEED_CACHE_CONTROL },
  });
}
