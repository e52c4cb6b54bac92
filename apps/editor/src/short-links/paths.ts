/** Where readers ask for an article's short URL: JSON for scripts, a page for a plain form. */
export function shortLinkRequestPath(articleId: string): string {
  return `/api/articles/${encodeURIComponent(articleId)}/short-link`;
}
