import { isAllowedHref, normalizeHref } from '../href';

/** Resolves site-relative paths; never shown or stored. */
const SITE = 'https://site.invalid';
/** A `%` that does not start an escape such as `%20`: browsers and servers read it differently. */
const STRAY_PERCENT = /%(?![0-9a-f]{2})/i;

export type RelatedUrl = { ok: true; href: string } | { ok: false; problem: string };

/**
 * A related link's address as the WHATWG URL parser reads it, so what is stored is what every
 * browser opens: an absolute http(s) address (stored as the parser's `href`) or a path on this
 * site (stored as its parsed path, query and fragment). Refused: what the parser refuses (a space
 * in the host), spaces and invisible characters a browser would drop (`exa mple` would open
 * `example`), a stray `%`, and a user name or password (`https://bank.example@evil.example/`
 * reads as one host and opens another).
 */
export function parseRelatedUrl(raw: string): RelatedUrl {
  const url = raw.trim();
  if (!isAllowedHref(url) || normalizeHref(url).toLowerCase().startsWith('mailto:'))
    return { ok: false, problem: 'Use a web address (https://…) or a path on this site (/…)' };
  if (normalizeHref(url) !== url)
    return { ok: false, problem: 'The address has a space or an invisible character in it' };
  if (STRAY_PERCENT.test(url))
    return { ok: false, problem: 'The address has a "%" that does not start a code like %20' };
  const absolute = !url.startsWith('/');
  const parsed = URL.parse(url, SITE);
  if (!parsed) return { ok: false, problem: 'This is not a valid web address' };
  if (parsed.username || parsed.password)
    return { ok: false, problem: 'Leave the user name and password out of the address' };
  return {
    ok: true,
    href: absolute ? parsed.href : `${parsed.pathname}${parsed.search}${parsed.hash}`,
  };
}
