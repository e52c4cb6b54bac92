/**
 * The id of an article's feed entry (RSS `<guid>`, Atom `<id>`): a tag URI (RFC 4151) of the
 * site's host, the day the article was created and its id. Feed readers tell entries apart by
 * it, so it must not follow the URL: a renamed slug would show the article again as a new item.
 */
export function feedEntryId(baseUrl: string, article: { id: string; createdAt: Date }): string {
  const day = article.createdAt.toISOString().slice(0, 10);
  return `tag:${new URL(baseUrl).hostname},${day}:article:${article.id}`;
}
