import { absoluteUrl } from '@newsroom/article';
import {
  FEED_CACHE_CONTROL,
  FEED_CONTENT_TYPES,
  type FeedFormat,
  feedPath,
  type SiteInfo,
} from '@newsroom/publishing';
import { isNotModified, weakEtag } from '@newsroom/reader-cache';
import { SITE_NAME, siteUrl } from './site';

export function siteInfo(): SiteInfo {
  return { name: SITE_NAME, baseUrl: siteUrl(), language: 'en' };
}

/**
 * A feed or sitemap answer: its XML type, cacheable by a CDN, with a validator, so a feed reader
 * polling an unchanged feed gets a 304 instead of 50 full-text articles again; null → 404.
 */
export function xmlResponse(
  request: Request,
  body: string | null,
  type: FeedFormat | 'sitemap',
): Response {
  if (body === null)
    return new Response('Not found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const etag = weakEtag(body);
  const headers = { 'cache-control': FEED_CACHE_CONTROL, etag };
  if (isNotModified(request.headers.get('if-none-match') ?? undefined, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers: { ...headers, 'content-type': FEED_CONTENT_TYPES[type] } });
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
