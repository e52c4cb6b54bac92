import type { PageAudience } from '@newsroom/http';

const STAFF_PREFIXES = ['/newsroom', '/api/newsroom'];

/**
 * The newsroom and its APIs are staff-only (never framed); everything else is public. Judged on
 * the path as Next.js will route it: dot segments (`/x/../newsroom`, `/x/%2e%2e/newsroom`)
 * resolved the way URL parsing resolves them, so no spelling reaches a staff page as "public".
 */
export function audienceOf(url: string | undefined): PageAudience {
  let path: string;
  try {
    // Origin-form ("/path"): kept a path even when it starts with "//" (no authority).
    const target = url ?? '/';
    path = new URL(target.startsWith('/') ? `http://front-server${target}` : target).pathname;
  } catch {
    return 'staff'; // not a URL Next.js can route: the stricter headers cost nothing
  }
  return STAFF_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ? 'staff'
    : 'public';
}
