// String-level work on query strings: the destination's own parameters keep their exact bytes
// (URLSearchParams would re-encode them: `%20` → `+`, which some servers read differently).

export type UrlParts = { base: string; query: string; fragment: string };

/** "https://x/p?a=1#top" → { base: "https://x/p", query: "a=1", fragment: "#top" }. */
export function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt === -1
    ? { base: beforeHash, query: '', fragment }
    : { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), fragment };
}

/** The non-empty `name=value` parts of a query string, as written. */
export function queryParts(query: string): string[] {
  return query === '' ? [] : query.split('&').filter((part) => part !== '');
}

/** The decoded name of a `name=value` part (`+` is a space); a malformed escape stays as written. */
export function partName(part: string): string {
  const equalsAt = part.indexOf('=');
  const written = equalsAt === -1 ? part : part.slice(0, equalsAt);
  // Most names are plain ("utm_source", "ref"): nothing to decode.
  if (!written.includes('%') && !written.includes('+')) return written;
  const raw = written.replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function joinUrl({ base, query, fragment }: UrlParts): string {
  return `${base}${query === '' ? '' : `?${query}`}${fragment}`;
}
