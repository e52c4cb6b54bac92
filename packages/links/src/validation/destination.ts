/** Longest destination accepted: what browsers and proxies handle everywhere. */
export const MAX_URL_LENGTH = 2048;

export type DestinationCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * A destination people may be sent to: an absolute http(s) URL with a host, not too long, and not
 * on the shortener itself (a link to a short link loops or hides where it really goes).
 * Returns the normalised URL (WHATWG serialisation: punycode host, percent-encoded path), which
 * is also safe to put in a Location header (no control characters survive URL parsing).
 */
export function checkDestination(input: string, ownHosts: readonly string[]): DestinationCheck {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Enter the URL the short link should go to.' };
  if (raw.length > MAX_URL_LENGTH) {
    return { ok: false, message: `The URL is too long: at most ${MAX_URL_LENGTH} characters.` };
  }
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
  if (url.username || url.password) {
    return { ok: false, message: 'URLs with a user name or password in them are not allowed.' };
  }
  if (isOwnHost(url, ownHosts)) {
    return {
      ok: false,
      message: 'That URL is on the shortener itself; a short link cannot point to another one.',
    };
  }
  if (url.href.length > MAX_URL_LENGTH) {
    return { ok: false, message: `The URL is too long: at most ${MAX_URL_LENGTH} characters.` };
  }
  return { ok: true, url: url.href };
}

/** An entry with a port ("localhost:3001") matches that host only; without ("nws.rm"), any port. */
function isOwnHost(url: URL, ownHosts: readonly string[]): boolean {
  const host = url.host.toLowerCase();
  const hostname = withoutTrailingDot(url.hostname.toLowerCase());
  return ownHosts.some((own) =>
    /:\d+$/.test(own) ? own === host : withoutTrailingDot(own) === hostname,
  );
}

function withoutTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}
