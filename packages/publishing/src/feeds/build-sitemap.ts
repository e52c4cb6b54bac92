import { absoluteUrl } from '@newsroom/article';
import { XMLBuilder } from 'fast-xml-parser';
import type { PublishedArticleLocation } from '../published-articles';
import type { SiteInfo } from './feed-settings';
import { xmlSafeText } from './xml-text';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

// An XML builder, not string templates: every value is escaped by the library; characters
// XML cannot carry at all are dropped from the result.
const xmlBuilder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressBooleanAttributes: false,
  processEntities: true,
});
const builder = { build: (tree: object): string => xmlSafeText(xmlBuilder.build(tree) as string) };

/**
 * When the live version went live: every change readers see (the dateline's included) goes live
 * with an Update. Not the dateline itself, which may be set ahead (a `lastmod` in the future
 * search engines distrust), as the sitemap index's parts already do.
 */
const lastModified = (location: PublishedArticleLocation) => location.updatedAt.toISOString();

/** A `<urlset>` of article pages with `lastmod`. */
export function buildUrlSet(
  baseUrl: string,
  locations: readonly PublishedArticleLocation[],
): string {
  return builder.build({
    ...DECLARATION,
    urlset: {
      '@_xmlns': SITEMAP_NS,
      url: locations.map((location) => ({
        loc: absoluteUrl(baseUrl, location.path),
        lastmod: lastModified(location),
      })),
    },
  });
}

export interface SitemapPart {
  path: string;
  lastModified: Date;
}

/** A `<sitemapindex>` pointing at the parts of a large sitemap. */
export function buildSitemapIndex(baseUrl: string, parts: readonly SitemapPart[]): string {
  return builder.build({
    ...DECLARATION,
    sitemapindex: {
      '@_xmlns': SITEMAP_NS,
      sitemap: parts.map((part) => ({
        loc: absoluteUrl(baseUrl, part.path),
        lastmod: part.lastModified.toISOString(),
      })),
    },
  });
}

export interface NewsSitemapArticle extends PublishedArticleLocation {
  title: string;
}

/** Google News: the articles given (the caller picks the last 48 hours), with publication data. */
export function buildNewsSitemap(site: SiteInfo, articles: readonly NewsSitemapArticle[]): string {
  return builder.build({
    ...DECLARATION,
    urlset: {
      '@_xmlns': SITEMAP_NS,
      '@_xmlns:news': NEWS_NS,
      url: articles.map((article) => ({
        loc: absoluteUrl(site.baseUrl, article.path),
        'news:news': {
          'news:publication': { 'news:name': site.name, 'news:language': site.language },
          'news:publication_date': article.publishedAt.toISOString(),
          'news:title': article.title,
        },
      })),
    },
  });
}

/** robots.txt: everything public may be crawled except the newsroom; the sitemaps named. */
export function buildRobotsTxt(baseUrl: string, sitemapPaths: readonly string[]): string {
  return [
    'User-agent: *',
    'Disallow: /newsroom/',
    'Disallow: /api/',
    '',
    ...sitemapPaths.map((path) => `Sitemap: ${absoluteUrl(baseUrl, path)}`),
    '',
  ].join('\n');
}
