import { errorResponse, unavailableAnswer } from '@newsroom/http';
import { NextResponse, type NextRequest } from 'next/server';
import { crossSiteProblem, isHttps, isSafeMethod } from '../origin/request-origin';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionCookieOptions } from '../sessions';
import { REQUEST_PATH_HEADER } from './request-path';
import type { StaffShell } from './staff-shell';

export type StaffProxyOptions = {
  shell: StaffShell;
  /** Staff pages: without a session cookie, straight to the login page (nothing rendered). */
  isStaffPage?: (pathname: string) => boolean;
  /** Staff APIs: without a session cookie, 401 at once. */
  isStaffApi?: (pathname: string) => boolean;
  /** Mutations authenticated otherwise (API keys in a header), where Origin means nothing. */
  isOriginExempt?: (pathname: string) => boolean;
  /**
   * Where the session cookie's lifetime slides and the page path is passed on (default: staff
   * pages and APIs). Elsewhere (reader pages) nothing is added, so their answers stay cacheable.
   */
  isStaffArea?: (pathname: string) => boolean;
};

/**
 * The first gate of both apps, run by their proxy.ts before anything renders:
 * - while the database is known to be unreachable, 503 with Retry-After at once (pages cannot
 *   set their own status; see @newsroom/http's availability gate);
 * - every state-changing request (route handlers, form posts and server actions alike) must
 *   carry this site's Origin: 403 with a message otherwise, never a 500 from deeper down;
 * - staff pages and APIs without a session cookie go to the login page / get 401 (the real
 *   check, session and role in the database, is the shell's requireStaff / requireStaffForApi);
 * - the page path is passed on so a login redirect can come back to it;
 * - the session cookie's lifetime slides along with the database session.
 */
export function staffProxy(request: NextRequest, options: StaffProxyOptions): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const unavailable = unavailableAnswer(pathname);
  if (unavailable)
    return new NextResponse(unavailable.body, {
      status: unavailable.status,
      headers: unavailable.headers,
    });
  if (!isSafeMethod(request.method) && !options.isOriginExempt?.(pathname)) {
    const problem = crossSiteProblem(request.headers, request.url);
    if (problem) return refuse(403, 'cross_site_request', problem, isApi);
  }

  const hasCookie = request.cookies.has(SESSION_COOKIE);
  if (!hasCookie && options.isStaffApi?.(pathname))
    return refuse(401, 'unauthorized', 'Log in to use this API.', true);
  if (!hasCookie && options.isStaffPage?.(pathname) && pathname !== options.shell.config.loginPath)
    return NextResponse.redirect(new URL(options.shell.loginUrl(pathname + search), request.url));

  const inStaffArea =
    options.isStaffArea?.(pathname) ??
    (options.isStaffPage?.(pathname) || options.isStaffApi?.(pathname) || false);
  if (!inStaffArea) return NextResponse.next();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Only on GET: logging in and out are POSTs that set or delete the cookie themselves. An
  // expired or deleted session stays refused: the database, not the cookie, decides.
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (token && request.method === 'GET') {
    response.cookies.set(
      SESSION_COOKIE,
      token,
      sessionCookieOptions(
        new Date(Date.now() + SESSION_TTL_MS),
        isHttps(request.headers, request.url),
      ),
    );
  }
  return response;
}

function refuse(status: number, code: string, message: string, asJson: boolean): NextResponse {
  if (asJson) {
    const response = errorResponse(status, code, message);
    return new NextResponse(response.body, { status, headers: response.headers });
  }
  return new NextResponse(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
