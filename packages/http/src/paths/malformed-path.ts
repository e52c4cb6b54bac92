import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../errors/api-error';
import { isOriginForm } from './request-target';

export const MALFORMED_PATH_MESSAGE =
  'The address has a malformed percent-escape: "%" must be followed by two hex digits that spell UTF-8 text, and not %00.';
export const NOT_A_PATH_MESSAGE =
  'The request target must be a path of this site (such as "/" or "/api/links"), not "*" or another form.';

/** The request target's path, without its query and fragment (which Next.js does not decode). */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * True when the path holds a percent-escape that cannot be decoded (`/%C3`, `/100%`, `/%ZZ`):
 * Next.js decodes path segments and answers such a path with a bare 500. Also when one decodes
 * to NUL (`/%00`): no path names anything with it, and PostgreSQL refuses it in any text it is
 * asked to compare, so every look-up of such an id, slug or section failed there with a 500.
 */
export function hasMalformedPathEscape(url: string | undefined): boolean {
  const path = pathOf(url ?? '/');
  if (!path.includes('%')) return false; // the common case: nothing to decode
  try {
    return decodeURIComponent(path).includes('\0');
  } catch {
    return true;
  }
}

/** Under `/api/`: answered in the API error shape. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

const MALFORMED_PATH_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address</title>' +
  '<h1>This address is not valid</h1>' +
  '<p>It has a broken "%" code in it. Check the link, or go to the <a href="/">front page</a>.</p></html>';
const NOT_A_PATH_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad request</title>' +
  '<h1>This request is not valid</h1>' +
  '<p>It does not ask for a page of this site. Go to the <a href="/">front page</a>.</p></html>';

export type MalformedPathOptions = {
  /** Paths answered 404 rather than 400 (the shortener's `/<code>`: no such short link). */
  notFound?: (path: string) => boolean;
};

/**
 * Answers a request whose path cannot be decoded, or whose target is not a path at all (`*`),
 * with 400, before it reaches Next.js (which answers both with a bare 500), and returns true;
 * false for any other request. APIs get the one error shape (`bad_request`), pages a small
 * HTML page. The caller applies the security headers first, as for any answer.
 */
export function answerMalformedPath(
  req: IncomingMessage,
  res: ServerResponse,
  options: MalformedPathOptions = {},
): boolean {
  const notAPath = !isOriginForm(req.url);
  if (!notAPath && !hasMalformedPathEscape(req.url)) return false;
  const path = notAPath ? '' : pathOf(req.url ?? '/');
  const api = isApiPath(path);
  const message = notAPath ? NOT_A_PATH_MESSAGE : MALFORMED_PATH_MESSAGE;
  const page = notAPath ? NOT_A_PATH_PAGE : MALFORMED_PATH_PAGE;
  const body = Buffer.from(api ? JSON.stringify(errorBody('bad_request', message)) : page);
  res.writeHead(!notAPath && options.notFound?.(path) ? 404 : 400, {
    'content-type': api ? 'application/json' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
