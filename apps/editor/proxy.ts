import { staffProxy } from '@newsroom/auth/next';
import type { NextRequest } from 'next/server';
import { staff } from './src/newsroom/staff/staff-shell';

/**
 * The shared staff proxy: Origin check for every mutation (server actions and route handlers),
 * a cheap cookie gate for the newsroom (the real check is in the pages and the API wrapper).
 */
export function proxy(request: NextRequest) {
  return staffProxy(request, {
    shell: staff,
    isStaffPage: (pathname) => pathname === '/newsroom' || pathname.startsWith('/newsroom/'),
    isStaffApi: (pathname) => pathname.startsWith('/api/newsroom/'),
  });
}

export const config = {
  // Everything but Next's static files: mutations anywhere need the Origin check.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
