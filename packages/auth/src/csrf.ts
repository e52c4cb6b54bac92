/**
 * Cross-site request check for cookie-authenticated mutations: the browser's Origin (or, failing
 * that, Referer) must be this site. SameSite=Lax cookies already stop most cross-site POSTs;
 * this also covers old browsers and same-site subdomains.
 */
export function isSameOrigin(headers: Headers, expectedOrigin: string): boolean {
  const origin = headers.get('origin') ?? originOf(headers.get('referer'));
  return origin !== undefined && origin === new URL(expectedOrigin).origin;
}

function originOf(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
