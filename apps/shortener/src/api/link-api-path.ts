/** `/api/links`, `/api/links/<code>` and `/api/links/<code>/stats`: its routes, no other path. */
const LINK_API_PATH = /^\/api\/links(?:\/[^/]+(?:\/stats)?)?$/;

/**
 * The link API: authenticated by API keys in a header and called by scripts, not browsers, so the
 * Origin check (which protects cookie-authenticated requests) does not apply to it. Only its own
 * paths: under any other, Next.js would run a posted server action without that check.
 */
export const isLinkApiPath = (pathname: string) => LINK_API_PATH.test(pathname);
