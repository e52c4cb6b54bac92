// Pure (no Next.js): which origin a request was addressed to, and whether its Origin matches.

/**
 * The one https detection of both apps: the first `X-Forwarded-Proto` (set by a TLS-terminating
 * proxy in front of us), else the request URL's scheme.
 */
export function isHttps(headers: Headers, url?: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return url ? url.startsWith('https:') : false;
}

/** This site's origin as the browser addressed it (Host, or X-Forwarded-Host behind a proxy). */
export function requestOrigin(headers: Headers, url?: string): string | null {
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host) return url ? new URL(url).origin : null;
  return `${isHttps(headers, url) ? 'https' : 'http'}://${host}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Why a state-changing, cookie-authenticated request must be refused as cross-site, or null when
 * its `Origin` is this site. Browsers send Origin on every POST/PUT/PATCH/DELETE (form posts and
 * server actions included) and scripts on other sites cannot forge it, so a missing Origin is
 * refused too: nothing of ours sends such a request.
 */
export function crossSiteProblem(headers: Headers, url?: string): string | null {
  const origin = headers.get('origin');
  const expected = requestOrigin(headers, url);
  if (!origin || origin === 'null')
    return 'Cross-site request refused: it has no Origin header. Send it from this site’s own pages.';
  if (!expected || normalizeOrigin(origin) !== normalizeOrigin(expected))
    return `Cross-site request refused: it comes from ${origin}, not from this site${expected ? ` (${expected})` : ''}.`;
  return null;
}

/**
 * The same check for a request as node:http gives it (the front servers): a state-changing
 * request that crossSiteProblem refuses.
 */
export function isCrossSiteMutation(
  method: string,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  if (isSafeMethod(method)) return false;
  const fetchHeaders = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      fetchHeaders.append(name, one);
    }
  }
  return crossSiteProblem(fetchHeaders) !== null;
}

function normalizeOrigin(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}
