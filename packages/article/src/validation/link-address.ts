import { isAllowedHref, MAX_HREF_LENGTH, normalizeHref } from '../href';

/** Resolves site-relative paths; never shown or stored. */
const SITE = 'https://site.invalid';
/** A `%` that does not start an escape such as `%20`: browsers and servers read it differently. */
const STRAY_PERCENT = /%(?![0-9a-f]{2})/i;

export interface LinkAddressOptions {
  /** A link in the text may write to someone (`mailto:`); a related link is always a page. */
  mailto: boolean;
}

/** A related link is a page to read; a link in the article's text may also be an e-mail link. */
export const RELATED_LINK: LinkAddressOptions = { mailto: false };
export const BODY_LINK: LinkAddressOptions = { mailto: true };

export type LinkAddress = { ok: true; href: string } | { ok: false; problem: string };

/** What is wrong with an address, in the words the editor and the API both show. */
export const LINK_ADDRESS_PROBLEMS = {
  notAPage: 'Use a web address (https://…) or a path on this site (/…)',
  notALink: 'Use a web address (https://…), an e-mail link (mailto:…) or a path on this site (/…)',
  tooLong: `Keep the address to ${MAX_HREF_LENGTH} characters or fewer`,
  spaceOrInvisible: 'The address has a space or an invisible character in it',
  strayPercent: 'The address has a "%" that does not start a code like %20',
  notParsed: 'This is not a valid web address',
  userInfo: 'Leave the user name and password out of the address',
  noMailAddress: 'Write the e-mail address after mailto:',
  pathLeavesSite:
    'This path would be read as the address of another site (//…): start it with a single /',
} as const;

const refused = (problem: string): LinkAddress => ({ ok: false, problem });

/**
 * An address we store for a link (a related link, or a link in the text) as the WHATWG URL
 * parser reads it, so what is stored is what every browser opens: an absolute http(s) address
 * (or, with `mailto`, an e-mail link), stored as the parser's `href`, or a path on this site,
 * stored as its parsed path, query and fragment. Refused, beyond what `isAllowedHref` refuses:
 * spaces and invisible characters a browser would drop (`exa mple` would open `example`), a stray
 * `%`, and a user name or password (`https://bank.example@evil.example/` reads as one host and
 * opens another).
 */
export function parseLinkAddress(raw: string, { mailto }: LinkAddressOptions): LinkAddress {
  const url = raw.trim();
  if (url.length > MAX_HREF_LENGTH) return refused(LINK_ADDRESS_PROBLEMS.tooLong);
  // Before the scheme: `exa mple.com` typed in the editor is a space, not a missing https://.
  if (normalizeHref(url) !== url) return refused(LINK_ADDRESS_PROBLEMS.spaceOrInvisible);
  const isMailto = /^mailto:/i.test(url);
  if (!isAllowedHref(url) || (isMailto && !mailto)) {
    // A web address the parser cannot read (`https://bank.com%40evil.com/`) says so.
    if (/^https?:\/\//i.test(url) && !URL.canParse(url))
      return refused(LINK_ADDRESS_PROBLEMS.notParsed);
    return refused(mailto ? LINK_ADDRESS_PROBLEMS.notALink : LINK_ADDRESS_PROBLEMS.notAPage);
  }
  if (isMailto && !/^mailto:[^?#]/i.test(url)) return refused(LINK_ADDRESS_PROBLEMS.noMailAddress);
  if (STRAY_PERCENT.test(url)) return refused(LINK_ADDRESS_PROBLEMS.strayPercent);
  const parsed = URL.parse(url, SITE);
  if (!parsed) return refused(LINK_ADDRESS_PROBLEMS.notParsed);
  if (parsed.username || parsed.password) return refused(LINK_ADDRESS_PROBLEMS.userInfo);
  const href = url.startsWith('/')
    ? `${parsed.pathname}${parsed.search}${parsed.hash}`
    : parsed.href;
  // What is stored is judged again: the parser turns `/.//evil.example` into `//evil.example`
  // (another site), and percent-encoding can take an address past the limit.
  if (href.length > MAX_HREF_LENGTH) return refused(LINK_ADDRESS_PROBLEMS.tooLong);
  if (!isAllowedHref(href)) return refused(LINK_ADDRESS_PROBLEMS.pathLeavesSite);
  return { ok: true, href };
}
