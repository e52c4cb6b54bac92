import { staffProxy } from '@newsroom/auth/next';
import type { NextRequest } from 'next/server';
import { isLinkApiPath } from './src/api/link-api-path';
import { staff } from './src/staff/staff-shell';

/**
 * The shared staff proxy (redirects never get here: server.ts answers them first): Origin check
 * for every mutation (server actions included), except the link API, which is authenticated by
 * API keys in a header and called by scripts, not browsers.
 */
export function proxy(request: NextRequest) {
  return staffProxy(request, {
    shell: staff,
    isOriginExempt: isLinkApiPath,
    isStaffArea: (pathname) => pathname === '/links' || pathname.startsWith('/links/'),
  });
}

export const config = {
  // Everything but Next's built files (/_next/static/…): a mutation anywhere needs the Origin
  // check. Excluding more by prefix ("favicon.ico") also excluded any path that merely started
  // with it, and Next.js runs a server action posted to any page path, e.g. /favicon.icox.
  matcher: ['/((?!_next/static/).*)'],
};
