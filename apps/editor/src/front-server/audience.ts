import type { PageAudience } from '@newsroom/http';

const STAFF_PREFIXES = ['/newsroom', '/api/newsroom'];

/** The newsroom and its APIs are staff-only (never framed); everything else is public. */
export function audienceOf(url: string | undefined): PageAudience {
  const path = (url ?? '/').split('?')[0]!;
  return STAFF_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ? 'staff'
    : 'public';
}
