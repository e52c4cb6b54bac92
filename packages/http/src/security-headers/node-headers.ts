import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TrustedProxies } from '../client-address/client-address';
import { createCspNonce, securityHeaders, type SecurityHeaderOptions } from './security-headers';

/**
 * https when the socket is TLS, or when a trusted proxy says so in X-Forwarded-Proto (first value,
 * as Express reads it). Without a trusted proxy the header is ignored: a client cannot turn HSTS
 * on or off for itself.
 */
export function servedOverHttps(req: IncomingMessage, trust?: TrustedProxies): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const address = req.socket.remoteAddress;
  if (!trust || !address || !trust(address, 0)) return false;
  const proto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

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
