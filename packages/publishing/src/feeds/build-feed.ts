import { absoluteUrl, sectionPath } from '@newsroom/article';
import { escapeHtml } from '@newsroom/renderer';
import { Feed } from 'feed';
import { renderLeadImage } from '../images/article-image';
import { feedEntryId } from './entry-id';
import type { FeedArticle } from './feed-articles';
import { type FeedFormat, feedPath, type SiteInfo } from './feed-settings';
import { xmlSafeText } from './xml-text';

export interface FeedInput {
  site: SiteInfo;
  /** A section's feed; the whole site's without. */
  section?: { slug: string; name: string };
  /** Newest first. */
  articles: readonly FeedArticle[];
}

/**
 * In-page anchors (`#fn-1`) and site-relative links (`/world/…`) made absolute: a feed reader
 * shows the text away from the page, where neither would resolve.
 */
export function absolutizeLinks(html: string, baseUrl: string, pageUrl: string): string {
  return html
    .replace(
      /(href|src)="(#|\/(?!\/))([^"]*)"/g,
      (_match, attribute: string, lead: string, rest: string) =>
        lead === '#'
          ? `${attribute}="${pageUrl}#${rest}"`
          : `${attribute}="${absoluteUrl(baseUrl, `/${rest}`)}"`,
    )
    .replace(
      /srcset="([^"]*)"/g,
      (_match, candidates: string) => `srcset="${absolutizeSrcset(candidates, baseUrl)}"`,
    );
}

/** Each `url 400w` candidate of a srcset (our renderer writes them comma-separated). */
function absolutizeSrcset(candidates: string, baseUrl: string): string {
  return candidates
    .split(/,\s*/)
    .map((candidate) => (/^\/(?!\/)/.test(candidate) ? absoluteUrl(baseUrl, candidate) : candidate))
    .join(', ');
}

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/**
 * `<dc:creator>` declaring its own namespace: `feed` declares it on the root only for items with
 * content, and an article with an empty body has none.
 */
function dcCreator(name: string) {
  return { _attributes: { 'xmlns:dc': DUBLIN_CORE }, _text: name };
}

/**
 * `<` in Atom's `<category label="…">`: the feed library escapes `&` and `"` in attribute values
 * but not `<`, which XML forbids there, so one section named "Kids <12" made the whole feed
 * unreadable. The label is the only attribute of ours that holds free text.
 */
function escapeCategoryLabels(atom: string): string {
  return atom.replace(
    /(<category\b[^>]*?\blabel=")([^"]*)"/g,
    (_match, start: string, label: string) => `${start}${label.replace(/</g, '&lt;')}"`,
  );
}

/** The lead picture's JPEG as the item's enclosure (RSS) or `rel="enclosure"` link (Atom). */
function leadImageEnclosure(article: FeedArticle['article'], baseUrl: string) {
  const image = article.leadImage;
  if (!image) return {};
  // length 0: the size is not kept per rendition; RSS readers take 0 for "unknown".
  return { image: { url: absoluteUrl(baseUrl, image.src), type: image.contentType, length: 0 } };
}

function latestChange(articles: readonly FeedArticle[]): Date {
  const times = articles.map(({ article }) => article.updatedAt.getTime());
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** RSS 2.0 or Atom 1.0 of the latest articles, full text with notes, built with `feed`. */
export function buildFeed({ site, section, articles }: FeedInput, format: FeedFormat): string {
  const home = absoluteUrl(site.baseUrl, section ? sectionPath(section) : '/');
  const title = section ? `${section.name} · ${site.name}` : site.name;
  const feed = new Feed({
    title,
    id: home,
    link: home,
    description: section
      ? `The latest from ${section.name}.`
      : 'The latest news, with notes and sources.',
    language: site.language,
    updated: latestChange(articles),
    generator: false,
    copyright: `© ${site.name}`,
    feedLinks: {
      rss: absoluteUrl(site.baseUrl, feedPath('rss', section)),
      atom: absoluteUrl(site.baseUrl, feedPath('atom', section)),
    },
  });
  for (const { article, html } of articles) {
    const url = absoluteUrl(site.baseUrl, article.path);
    // The lead picture heads the text too: many feed readers show only what the content holds.
    const leadFigure = article.leadImage ? renderLeadImage(article.leadImage) : '';
    feed.addItem({
      // Atom writes the title as type="html", RSS as text; the description is HTML in both. Our
      // headlines and descriptions are plain text: escaped where the format reads HTML.
      title: format === 'atom' ? escapeHtml(article.title) : article.title,
      // Written as <guid isPermaLink="false"> in RSS.
      id: feedEntryId(site.baseUrl, article),
      link: url,
      ...(article.description && { description: escapeHtml(article.description) }),
      content: absolutizeLinks(leadFigure + html, site.baseUrl, url),
      ...leadImageEnclosure(article, site.baseUrl),
      // RSS 2.0's <author> is an e-mail address: the name goes in dc:creator there.
      ...(format === 'atom'
        ? { author: [{ name: article.author.name }] }
        : { extensions: [{ name: 'dc:creator', objects: dcCreator(article.author.name) }] }),
      date: article.updatedAt,
      published: article.publishedAt,
      category: [{ name: article.section.name, term: article.section.slug }],
    });
  }
  return xmlSafeText(format === 'rss' ? feed.rss2() : escapeCategoryLabels(feed.atom1()));
}
