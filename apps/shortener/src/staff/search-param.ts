/** A page's query as Next.js gives it: a name sent twice (`?q=a&q=b`) arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The first value of a query parameter, or undefined without one. Pages read their parameters
 * through this: a repeated name must not reach code that expects text (it answered 500).
 */
export function searchParam(searchParams: SearchParams, name: string): string | undefined {
  const value = searchParams[name];
  return Array.isArray(value) ? value[0] : value;
}
