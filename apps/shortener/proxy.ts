import { staffProxy } from '@newsroom/auth/next';
import type { NextRequest } from 'next/server';
import { staff } from './src/staff/staff-shell';

/**
 * The shared staff proxy (redirects never get here: server.ts answers them first): Origin check
 * for every mutation (server actions included), except the link API, which is authenticated by
 * API keys in a header and called by scripts, not browsers.
 */
export function proxy(request: NextRequest) {
  return staffProxy(request, {
    shell: staff,
    isOriginExempt: (pathname) => pathname === '/api/links' || pathname.startsWith('/api/links/'),
    isStaffArea: (pathname) => pathname === '/links' || pathname.startsWith('/links/'),
  });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
