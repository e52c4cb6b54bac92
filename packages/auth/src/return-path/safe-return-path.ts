// Where to send someone after logging in (or when already logged in): only a path on this site,
// inside the app's area. Pure and dependency-free: used by the proxies, pages and server actions.

export type ReturnPathRules = {
  /** Paths must stay under this one (`/newsroom`), or `/` for the whole site. */
  within: string;
  /** Where to go when the asked-for path is refused or missing. */
  fallback: string;
  /** Paths never returned to (the login page itself: no loops). */
  exclude?: readonly string[];
};

const MAX_RETURN_PATH_LENGTH = 2048;
// Printable ASCII except space and backslash. Browsers strip tabs and newlines from URLs and read
// `\` as `/`, so `/\t/evil.example` or `/\evil.example` would become `//evil.example`; unicode
// look-alikes (`／`, `∕`, `⁄`) and controls are never part of a path we build ourselves.
const PLAIN_PATH = /^\/[\x21-\x5b\x5d-\x7e]*$/;
// Percent-encoded characters that turn into separators, dots or controls when a browser, proxy
// or framework decodes the path once more (`%2f%2fevil.example`, `%5c`, `%2e%2e`, `%09`).
const ENCODED_DANGER = /%(2f|5c|2e|0[0-9a-f]|1[0-9a-f]|7f|25)/i;
const BASE = 'http://return-path.invalid';

/**
 * `raw` when it is a plain path on this site under `rules.within`, normalised (`..` resolved,
 * fragment dropped); otherwise `rules.fallback`. Judged after normalisation, the way a browser
 * would resolve it, so `/newsroom/..//evil.example` (→ `//evil.example`) is refused.
 */
export function safeReturnPath(raw: unknown, rules: ReturnPathRules): string {
  if (typeof raw !== 'string' || raw.length > MAX_RETURN_PATH_LENGTH) return rules.fallback;
  if (!PLAIN_PATH.test(raw) || raw.startsWith('//') || ENCODED_DANGER.test(raw))
    return rules.fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return rules.fallback;
  }
  if (url.origin !== BASE) return rules.fallback;
  const path = `${url.pathname}${url.search}`;
  if (!PLAIN_PATH.test(path) || path.startsWith('//')) return rules.fallback;
  if (!isWithin(url.pathname, rules.within)) return rules.fallback;
  if (rules.exclude?.some((excluded) => isWithin(url.pathname, excluded))) return rules.fallback;
  return path;
}

function isWithin(pathname: string, area: string): boolean {
  if (area === '/') return true;
  return pathname === area || pathname.startsWith(`${area}/`);
}
