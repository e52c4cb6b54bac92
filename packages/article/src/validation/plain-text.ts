/**
 * Control characters a stored text may not hold: C0 controls other than tab, line feed and
 * carriage return, and the non-characters U+FFFE / U+FFFF. Invisible to an editor, and XML 1.0
 * cannot carry them at all, so one in a headline would break every feed and sitemap.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The problem with `text` as a plain text field (`what` names it), or null. */
export function controlCharacterProblem(what: string, text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `${what} contains an invisible control character (U+${code}); remove it`;
}
