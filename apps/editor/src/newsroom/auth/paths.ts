// Shared by the proxy, pages and route handlers: keep it free of server-only imports.

export const LOGIN_PATH = '/newsroom/login';
export const HOME_PATH = '/newsroom/articles';
/** Set by the proxy so server components know which page was asked for (for "next="). */
export const REQUEST_PATH_HEADER = 'x-newsroom-path';

/**
 * Where to go after logging in: only a path inside the newsroom. Absolute URLs, protocol-
 * relative `//evil.example` and backslash tricks (`/\evil`) fall back to the article list, so
 * the login page can't be used as an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/newsroom') || raw.startsWith(LOGIN_PATH)) return HOME_PATH;
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\\\u0000-\u001f]/.test(raw)) return HOME_PATH;
  const url = new URL(raw, 'http://newsroom.invalid');
  if (url.origin !== 'http://newsroom.invalid') return HOME_PATH;
  return `${url.pathname}${url.search}`;
}

export function loginPath(next?: string | null) {
  const target = safeNextPath(next);
  return target === HOME_PATH ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}
