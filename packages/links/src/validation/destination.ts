import { destinationHost, isPublicAddress, type DestinationHost } from './destination-host';
import {
  compileDestinationPolicy,
  type DestinationPolicy,
  type DestinationPolicyOptions,
} from './destination-policy';

/** Longest destination accepted: what browsers and proxies handle everywhere. */
export const MAX_URL_LENGTH = 2048;

export type DestinationCheck = { ok: true; url: string } | { ok: false; message: string };

const NO_PORT_ZERO =
  'The URL has port 0, where no site can answer: remove ":0" or give its real port.';
const TOO_LONG = `The URL is too long: at most ${MAX_URL_LENGTH} characters.`;

/**
 * A destination people may be sent to: an absolute http(s) URL with a host, not too long, not on
 * the shortener itself (a link to a short link loops or hides where it really goes), and not an
 * internal address (loopback, private, link-local, cloud metadata…) unless the operator allowed it.
 * Returns the normalised URL (WHATWG serialisation: punycode host, IPv4 shorthand and hex as
 * dotted decimal, percent-encoded path), which is also safe to put in a Location header (no
 * control characters survive URL parsing).
 */
export function checkDestination(
  input: string,
  policy: DestinationPolicy | DestinationPolicyOptions | readonly string[],
): DestinationCheck {
  const rules = compileDestinationPolicy(policy);
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Enter the URL the short link should go to.' };
  if (raw.length > MAX_URL_LENGTH) return { ok: false, message: TOO_LONG };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      ok: false,
      message:
        'Enter a full URL starting with http:// or https:// (e.g. https://example.com/page).',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `Only http:// and https:// links are allowed, not ${url.protocol}`,
    };
  }
  if (url.hostname === '') return { ok: false, message: 'The URL has no host name.' };
  // Nothing listens on port 0 (it means "any port" to an operating system): a link there is dead.
  if (url.port === '0') return { ok: false, message: NO_PORT_ZERO };
  if (url.username || url.password) {
    return { ok: false, message: 'URLs with a user name or password in them are not allowed.' };
  }
  const host = destinationHost(url);
  if (rules.isOwn(host)) {
    return {
      ok: false,
      message: 'That URL is on the shortener itself; a short link cannot point to another one.',
    };
  }
  const internal = internalReason(host);
  if (internal && !rules.isAllowed(host)) {
    return {
      ok: false,
      message: `That URL points to ${internal} (${host.display}); short links may only go to public addresses.`,
    };
  }
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, message: TOO_LONG };
  return { ok: true, url: url.href };
}

/** Why a host is internal (refused unless allowed), or null for a public host. */
function internalReason(host: DestinationHost): string | null {
  if (host.address) {
    return isPublicAddress(host.address) ? null : `an internal address (${host.address.range()})`;
  }
  if (host.isLocalName) return 'a local or internal host name';
  return null;
}
