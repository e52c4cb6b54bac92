/**
 * Characters XML 1.0 forbids anywhere, even escaped: C0 controls other than tab, LF and CR,
 * U+FFFE and U+FFFF, and UTF-16 surrogates without their pair (with the `u` flag a well-formed
 * pair is one code point, so only lone halves match). One such character makes a whole feed or
 * sitemap unreadable to every feed reader and crawler.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/**
 * `text` without the characters XML 1.0 cannot carry. Saves refuse them in articles, but rows
 * stored before that check (or written by other paths) must not break every feed: every feed and
 * sitemap writer passes its whole output through this.
 */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}
