/**
 * Paths the shortener's own pages and files live under. An alias with one of these names would
 * either be unreachable or hide a page, so they are refused (case-insensitively: "API" too).
 * The redirect server hands these paths to Next.js instead of looking them up.
 */
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  'api',
  'admin',
  'login',
  'logout',
  'links',
  'new',
  'static',
  'public',
  'assets',
  'health',
  'status',
  'settings',
  'help',
  'about',
  '_next',
  '_vercel',
  'favicon.ico',
  'robots.txt',
  'sitemap.xml',
  'manifest.json',
  'manifest.webmanifest',
  'apple-touch-icon.png',
  'icon.png',
  'icon.svg',
  '.well-known',
]);

export function isReservedPath(segment: string): boolean {
  return RESERVED_PATHS.has(segment.toLowerCase());
}
