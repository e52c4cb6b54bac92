/** A stable colour per person, readable on white. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 38%)`;
}

const OUR_COLOR = /^hsl\(\d{1,3} 70% 38%\)$/;
const FALLBACK_COLOR = '#555';

/**
 * A colour another person's browser announced, fit for a style attribute: only what colorFor
 * makes is taken (anyone on the socket writes their own awareness state; a "colour" such as
 * `red; background-image: url(…)` must not reach the page).
 */
export function safeColor(announced: unknown): string {
  return typeof announced === 'string' && OUR_COLOR.test(announced) ? announced : FALLBACK_COLOR;
}
