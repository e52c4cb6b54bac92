/**
 * One definition of "a link we are willing to publish", shared by the editor's Link mark,
 * server-side validation and the renderer, so the three can never disagree.
 */

// Browsers drop ASCII tab/newline anywhere in a URL and C0 controls + space at either end,
// so `java\tscript:` is `javascript:`. Zero-width and bidi characters are invisible to an
// editor reviewing the link, so they are removed before the scheme is judged too, as is every
// other default-ignorable character (variation selectors, the combining grapheme joiner…),
// which a host name loses on its way to punycode: `exa\u034fmple.com` opens example.com.
const IGNORED_BY_BROWSERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\p{Default_Ignorable_Code_Point}]/gu;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  sol: '/',
  bsol: '\\',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  lpar: '(',
  rpar: ')',
  period: '.',
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
};

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi;

export const MAX_HREF_LENGTH = 2048;

function decodeEntitiesOnce(value: string): string {
  return value.replace(ENTITY, (match, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const codePoint = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    }
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? match;
  });
}

/** What a browser would see as the URL, minus the characters it ignores. */
export function normalizeHref(raw: string): string {
  return raw.replace(IGNORED_BY_BROWSERS, '');
}

function isAllowedNormalized(href: string): boolean {
  if (href === '') return false;
  const lower = href.toLowerCase();
  if (lower.startsWith('https://') || lower.startsWith('http://')) {
    const rest = lower.slice(lower.indexOf('//') + 2);
    // A host starts with a letter or digit of any script (`пример.рф`, `例え.jp`, which the
    // URL parser turns into punycode) or `[` (IPv6); never `/` or `\`, which browsers read as
    // more slashes.
    return /^[\p{L}\p{N}[]/u.test(rest) && URL.canParse(href);
  }
  if (lower.startsWith('mailto:')) return href.length > 'mailto:'.length;
  // Site-relative only: `//host` and `/\host` are protocol-relative to a browser.
  return href[0] === '/' && href[1] !== '/' && href[1] !== '\\';
}

/**
 * True for http(s), mailto and site-relative (`/…`, not `//…`) hrefs. The check runs on the
 * browser-normalised form and again after decoding HTML entities, so `javascript&colon;`,
 * `&#106;avascript:` or `JaVa\nScRiPt:` never pass, whichever layer decodes them later.
 */
export function isAllowedHref(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > MAX_HREF_LENGTH) return false;
  const normalized = normalizeHref(raw);
  if (!isAllowedNormalized(normalized)) return false;
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    const next = decodeEntitiesOnce(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded === raw || isAllowedNormalized(normalizeHref(decoded));
}

/** Absolute http(s) links leave the site; the renderer marks them with `rel`. */
export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(normalizeHref(href));
}
