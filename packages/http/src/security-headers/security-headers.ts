import { createHash, randomBytes } from 'node:crypto';

/**
 * Who a page is for. Staff pages (newsroom, shortener admin) must never be framed by anyone;
 * public pages (reader pages, short-link answers) may be framed by the site itself only.
 */
export type PageAudience = 'public' | 'staff';

/**
 * Where scripts may come from, besides the site's own files:
 * - `nonce`: Next.js renders the page now and stamps this per-response nonce on its inline scripts;
 * - `hashes`: a page served from a cache, where a nonce would be shared by every reader who gets
 *   the same bytes (and so be known to an attacker): each inline script is allowed by its hash;
 * - `none`: pages without any script (the short-link server's own pages).
 */
export type ScriptSources =
  | { kind: 'nonce'; nonce: string }
  | { kind: 'hashes'; hashes: readonly string[] }
  | { kind: 'none' };

export interface SecurityHeaderOptions {
  audience: PageAudience;
  /** Served over https (directly or by a trusted proxy): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  scripts: ScriptSources;
  /** `next dev` needs eval (React's debugging) and a websocket (hot reload). */
  development?: boolean;
  /** More origins pages may connect to, e.g. the collaboration server's `ws://host:port`. */
  connectSources?: readonly string[];
}

/** One year, as HSTS preload lists expect. */
const HSTS_MAX_AGE_S = 31_536_000;

/** Powerful browser features no page of ours uses: nobody embedding or injected may use them. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

function scriptSourceList(scripts: ScriptSources, development: boolean): string {
  const sources = scripts.kind === 'none' ? ["'none'"] : ["'self'"];
  if (scripts.kind === 'nonce') sources.push(`'nonce-${scripts.nonce}'`);
  if (scripts.kind === 'hashes') sources.push(...scripts.hashes);
  if (development && scripts.kind !== 'none') sources.push("'unsafe-eval'");
  return sources.join(' ');
}

/** The Content-Security-Policy value for one response. */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const development = options.development ?? false;
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSourceList(options.scripts, development)}`,
    // Inline style attributes: ProseMirror and React set some; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    [
      "connect-src 'self'",
      ...(options.connectSources ?? []),
      ...(development ? ['ws:', 'wss:'] : []),
    ].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.audience === 'staff' ? "'none'" : "'self'"}`,
  ];
  if (options.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header of one response, built in this one place for both apps. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    // Staff URLs name articles and links being worked on: they never leave the site.
    'Referrer-Policy':
      options.audience === 'staff' ? 'same-origin' : 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': options.audience === 'staff' ? 'DENY' : 'SAMEORIGIN',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (options.https) {
    headers['Strict-Transport-Security'] = `max-age=${HSTS_MAX_AGE_S}; includeSubDomains`;
  }
  return headers;
}

/** A fresh nonce per response: 128 random bits, base64 (the characters Next.js accepts). */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The CSP source that allows exactly this inline script text. */
export function scriptHashSource(scriptText: string): string {
  return `'sha256-${createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}
