import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@newsroom/auth';
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
    return NextResponse.json({ error: 'Log in to use the newsroom API' }, { status: 401 });
  if (!hasCookie && !pathname.startsWith(LOGIN_PATH))
    return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));

  // Tells server components which page was asked for, so a login redirect can come back here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ['/newsroom', '/newsroom/:path*', '/api/newsroom/:path*'],
};
