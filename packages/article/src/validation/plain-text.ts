/**
 * Control characters a stored text may not hold: C0 controls other than tab, line feed and
 * carriage return, and the non-characters U+FFFE / U+FFFF. Invisible to an editor, and XML 1.0
 * cannot carry them at all, so one in a headline would break every feed and sitemap.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** What is wrong with `text` as plain text, without naming the field, or null. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return null;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `contains an invisible control character (U+${code}); remove it`;
}

/** The problem with `text` as a plain text field (`what` names it), or null. */
export function controlCharacterProblem(what: string, text: string): string | null {
  const problem = controlCharacterIn(text);
  return problem && `${what} ${problem}`;
}

// eslint-disable-next-line no-control-regex -- see CONTROL_CHARACTER
const LINE_BREAKING_CONTROLS = /[\u000B\u000C]/g;
const ALL_CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

/**
 * `text` as it may be stored: Word's manual line break (U+000B) and a form feed become a line
 * break, every other control character goes. For what arrives from outside (paste, import),
 * where nobody could see or remove them, and a save would refuse them.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(LINE_BREAKING_CONTROLS, '\n').replace(ALL_CONTROL_CHARACTERS, '');
}

/**
 * `text` cut to `maxLength` UTF-16 units (the validator's count), never between the two halves of
 * a letter outside the BMP (an emoji): half a letter is no text at all.
 */
export function cutToLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
