/**
 * Who someone is on the socket: the awareness `user` field each editor announces, drawn on their
 * caret and in "Also in this article". The collaboration server writes it from the session
 * (a browser could announce any name), and the page starts from the same value.
 */
export interface CollabUser {
  name: string;
  color: string;
}

/** The name and colour a staff member is shown with to the others in an article. */
export function collabUserOf(user: { id: string; name: string }): CollabUser {
  return { name: user.name, color: colorFor(user.id) };
}

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
