/** Where readers find things. Slugs are validated on save; encoding is belt and braces. */
export interface ArticleLocation {
  slug: string;
  section: { slug: string };
}

export function sectionPath(section: { slug: string }): string {
  return `/${encodeURIComponent(section.slug)}`;
}

/** The stable public URL of an article: `/<section>/<slug>`. */
export function articlePath(article: ArticleLocation): string {
  return `${sectionPath(article.section)}/${encodeURIComponent(article.slug)}`;
}

/**
 * `path` under the site's public base URL. Joined as strings, not with `new URL(path, base)`,
 * so a site served under a sub-path (https://example.com/news) keeps it.
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
