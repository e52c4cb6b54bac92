/**
 * The link API: authenticated by API keys in a header and called by scripts, not browsers, so the
 * Origin check (which protects cookie-authenticated requests) does not apply to it.
 */
export const isLinkApiPath = (pathname: string) =>
  pathname === '/api/links' || pathname.startsWith('/api/links/');
