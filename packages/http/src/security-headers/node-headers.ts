import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCspNonce, securityHeaders, type SecurityHeaderOptions } from './security-headers';

/**
 * For a request that a front server hands to Next.js: sets every security header on the response
 * with a fresh nonce, and puts the same policy on the request, where Next.js reads the nonce it
 * stamps on its inline scripts. A client's own CSP request headers are replaced, so nobody can
 * choose the nonce.
 */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  options: Omit<SecurityHeaderOptions, 'scripts'>,
): void {
  const headers = securityHeaders({
    ...options,
    scripts: { kind: 'nonce', nonce: createCspNonce() },
  });
  req.headers['content-security-policy'] = headers['Content-Security-Policy'];
  delete req.headers['content-security-policy-report-only'];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
