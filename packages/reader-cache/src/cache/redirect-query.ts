/**
 * A redirect's target with the visitor's query string kept (`?utm_source=…` on a shared link
 * to an old address must reach the new one). A target that has a query of its own keeps it.
 */
export function withVisitorQuery(location: string, visitorUrl: string | undefined): string {
  const queryStart = visitorUrl?.indexOf('?') ?? -1;
  if (!visitorUrl || queryStart === -1 || location.includes('?')) return location;
  const query = visitorUrl.slice(queryStart + 1);
  if (query === '') return location;
  const hashStart = location.indexOf('#');
  return hashStart === -1
    ? `${location}?${query}`
    : `${location.slice(0, hashStart)}?${query}${location.slice(hashStart)}`;
}
