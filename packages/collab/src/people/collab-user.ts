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

/**
 * A stable colour per person, readable on white, as `#rrggbb`: the one format y-tiptap's carets
 * take as it is (any other, `hsl()` included, makes it log a warning on every redraw of every
 * caret, that is on each key another person presses).
 */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hexOfHsl(hash % 360, 0.7, 0.38);
}

/** CSS's hsl() to sRGB (the CSS Color 4 conversion), as `#rrggbb`. */
export function hexOfHsl(hue: number, saturation: number, lightness: number): string {
  const chroma = saturation * Math.min(lightness, 1 - lightness);
  const channel = (offset: number) => {
    const k = (offset + hue / 30) % 12;
    const value = lightness - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

const OUR_COLOR = /^#[0-9a-f]{6}$/;
const FALLBACK_COLOR = '#555555';

/**
 * A colour another person's browser announced, fit for a style attribute: only colorFor's
 * `#rrggbb` is taken (anyone on the socket writes their own awareness state; a "colour" such as
 * `red; background-image: url(…)` must not reach the page).
 */
export function safeColor(announced: unknown): string {
  return typeof announced === 'string' && OUR_COLOR.test(announced) ? announced : FALLBACK_COLOR;
}
