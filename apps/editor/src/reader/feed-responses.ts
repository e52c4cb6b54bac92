import { absoluteUrl } from '@newsroom/article';
import {
  FEED_CACHE_CONTROL,
  FEED_CONTENT_TYPES,
  type FeedFormat,
  feedPath,
  type SiteInfo,
} from '@newsroom/publishing';
import { SITE_NAME, siteUrl } from './site';

export function siteInfo(): SiteInfo {
  return { name: SITE_NAME, baseUrl: siteUrl(), language: 'en' };
}

/** A feed or sitemap answer: its XML type, cacheable by a CDN; null → 404. */
export function xmlResponse(body: string | null, type: FeedFormat | 'sitemap'): Response {
  if (body === null)
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return new Response(body, {
    headers: { 'content-type': FEED_CONTENT_TYPES[type], 'cache-control': FEED_CACHE_CONTROL },
  });
}

type FeedLink = { url: string; title: string };

/** `<link rel="alternate">` to the site's feeds, and the section's first when on a section. */
export function feedAlternates(section?: { slug: string; name: string }) {
  const links = (format: FeedFormat): FeedLink[] => [
    ...(section
      ? [
          {
            url: absoluteUrl(siteUrl(), feedPath(format, section)),
            title: `${section.name} · ${SITE_NAME}`,
          },
        ]
      : []),
    { url: absoluteUrl(siteUrl(), feedPath(format)), title: SITE_NAME },
  ];
  return { 'application/rss+xml': links('rss'), 'application/atom+xml': links('atom') };
}
