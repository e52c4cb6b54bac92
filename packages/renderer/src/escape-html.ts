const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPABLE = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for both element content and double- or single-quoted attribute values, so
 * one function is enough everywhere. Most text has nothing to escape, hence the cheap test.
 */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPE.test(value)
    ? value.replace(ESCAPABLE, (char) => ENTITIES[char] ?? '')
    : value;
}
