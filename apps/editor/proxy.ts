import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionCookieOptions } from '@newsroom/auth';
import { LOGIN_PATH, loginPath, REQUEST_PATH_HEADER } from './src/newsroom/auth/paths';

/**
 * A cheap first gate for the newsroom: no session cookie → login page (pages) or 401 (APIs),
 * without rendering anything. The real check (the session in the database, the role) is done
 * server-side by requireStaff / withStaff; a forged cookie gets no further than here.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasCookie = request.cookies.has(SESSION_COOKIE);
  if (!hasCookie && pathname.startsWith('/api/newsroom/'))
    return NextResponse.json(
      { error: { code: 'unauthorized', message: 'Log in to use the newsroom API' } },
      { status: 401 },
    );
  if (!hasCookie && !pathname.startsWith(LOGIN_PATH))
    return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));

  // Tells server components which page was asked for, so a login redirect can come back here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Slide the cookie's lifetime along with the database session (which findSessionUser renews),
  // so people who work every day are not logged out mid-article. An expired or deleted session
  // stays refused: the database, not the cookie, decides. Only on GET: log in / log out are
  // POSTs that set or delete the cookie themselves, and must not be overridden here.
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (token && request.method === 'GET') {
    const https = (request.headers.get('x-forwarded-proto') ?? request.nextUrl.protocol).startsWith(
      'https',
    );
    response.cookies.set(
      SESSION_COOKIE,
      token,
      sessionCookieOptions(new Date(Date.now() + SESSION_TTL_MS), https),
    );
  }
  return response;
}

export const config = {
  matcher: ['/newsroom', '/newsroom/:path*', '/api/newsroom/:path*'],
};
