import { MAX_URL_LENGTH } from '../validation/destination';
import { joinUrl, partName, queryParts, splitUrl } from './query-string';

/** What the WHATWG URL parser percent-encodes in the query of an http(s) URL. */
// eslint-disable-next-line no-control-regex -- control characters are part of the set
const NEEDS_ENCODING = /[\u0000-\u0020"#'<>\u007f-\uffff]/;

/**
 * The destination with the visitor's query string merged in: the destination's own parameters
 * are kept as they are (a visitor cannot override them, nor the link's UTM fields), the visitor's
 * other parameters are added in their order (repeated names included), and the fragment stays
 * last. `search` is the request target's query without `?` (Node answers 400 itself to raw
 * non-ASCII bytes, so from a request it is ASCII; raw unicode from other callers is encoded).
 *
 * Never returns a broken Location: the result goes through the WHATWG URL parser (which
 * percent-encodes spaces, quotes and non-ASCII), and a result longer than MAX_URL_LENGTH, or one
 * that does not parse, falls back to the stored destination.
 */
export function mergeQuery(destination: string, search: string): string {
  const visitor = queryParts(search);
  if (visitor.length === 0) return destination;
  const parts = splitUrl(destination);
  const own = queryParts(parts.query);
  const ownNames = new Set(own.map(partName));
  const added =
    ownNames.size === 0 ? visitor : visitor.filter((part) => !ownNames.has(partName(part)));
  if (added.length === 0) return destination;
  // A raw "#" can only come from a hand-written request; here it is data, not a fragment.
  const query = [...own, ...added].join('&');
  const merged = joinUrl({
    ...parts,
    query: query.includes('#') ? query.replaceAll('#', '%23') : query,
  });
  if (merged.length > MAX_URL_LENGTH) return destination;
  // When the merged URL holds nothing the parser would encode (the usual `?utm_source=x&ref=y`),
  // parsing could not change it: skip it (it costs more than all the rest).
  if (!NEEDS_ENCODING.test(merged)) return merged;
  let href: string;
  try {
    href = new URL(merged).href;
  } catch {
    return destination;
  }
  return href.length > MAX_URL_LENGTH ? destination : href;
}

/**
 * The redirect's Location for a request target like "/code?x=1". Cheap when there is no query
 * (one indexOf, no parsing): the hot path calls it for every redirect of a forwarding link.
 */
export function forwardedLocation(destination: string, requestTarget: string): string {
  const queryAt = requestTarget.indexOf('?');
  if (queryAt === -1 || queryAt === requestTarget.length - 1) return destination;
  return mergeQuery(destination, requestTarget.slice(queryAt + 1));
}
