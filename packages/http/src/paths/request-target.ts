import type { IncomingMessage } from 'node:http';

/**
 * Rewrites an absolute-form request target (`GET http://host/abc HTTP/1.1`, which a server must
 * accept: RFC 9112, 3.2.2) to the origin form the apps route by (`/abc`, query kept). Both apps
 * serve one site whatever the host, so the target's authority is not needed. Call it first:
 * the redirect and reader-page fast paths match paths that start with `/`.
 */
export function toOriginForm(req: IncomingMessage): void {
  const url = req.url;
  if (url === undefined || url.startsWith('/')) return; // the common case
  if (!/^https?:\/\//i.test(url)) return; // `*` and the rest: refused by answerMalformedPath
  try {
    const parsed = new URL(url);
    req.url = `${parsed.pathname}${parsed.search}`;
  } catch {
    // Left as it is: not a path, so answerMalformedPath refuses it.
  }
}

/** Whether the target is a path (origin form); `*` (OPTIONS) and the rest are not served. */
export function isOriginForm(url: string | undefined): boolean {
  return url !== undefined && url.startsWith('/');
}
