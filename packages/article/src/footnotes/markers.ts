export const MARKER_STYLES = ['numeric', 'symbols'] as const;
export type MarkerStyle = (typeof MARKER_STYLES)[number];

/** The traditional reference-mark sequence; after ¶ the marks double, then triple, … */
export const FOOTNOTE_SYMBOLS = ['*', '†', '‡', '§', '‖', '¶'] as const;

/** Marker for the note at zero-based `index` in first-reference order. */
export function footnoteMarker(index: number, style: MarkerStyle): string {
  if (style === 'numeric') return String(index + 1);
  const symbol = FOOTNOTE_SYMBOLS[index % FOOTNOTE_SYMBOLS.length] ?? '*';
  return symbol.repeat(Math.floor(index / FOOTNOTE_SYMBOLS.length) + 1);
}
