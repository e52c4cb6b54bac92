import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySecurityHeaders, servedOverHttps } from './node-headers';

// A real server standing in for a front server: it applies the headers, then answers with what
// "Next.js" would see on the request.
let server: Server;
let port: number;
const trustLoopback = (address: string) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

beforeAll(async () => {
  server = createServer((req, res) => {
    const trusted = req.url === '/trusted';
    applySecurityHeaders(req, res, {
      audience: 'staff',
      https: servedOverHttps(req, trusted ? trustLoopback : undefined),
    });
    res.end(
      JSON.stringify({
        requestPolicy: req.headers['content-security-policy'],
        reportOnly: req.headers['content-security-policy-report-only'] ?? null,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('applySecurityHeaders', () => {
  it('gives Next.js the same fresh nonce as the response, whatever the client sent', async () => {
    const attacker = "script-src 'nonce-chosenByTheAttacker'";
    const first = await get('/', {
      'content-security-policy': attacker,
      'content-security-policy-report-only': attacker,
    });
    const second = await get('/');
    const seen = JSON.parse(first.body) as { requestPolicy: string; reportOnly: string | null };
    expect(seen.requestPolicy).toBe(first.headers['content-security-policy']);
    expect(seen.requestPolicy).not.toContain('chosenByTheAttacker');
    expect(seen.reportOnly).toBeNull();
    expect(first.headers['content-security-policy']).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(second.headers['content-security-policy']).not.toBe(
      first.headers['content-security-policy'],
    );
    expect(first.headers['x-frame-options']).toBe('DENY');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS only when a trusted proxy reports https', async () => {
    const spoofed = await get('/', { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await get('/trusted', { 'x-forwarded-proto': 'https, http' });
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=/);
    const plainViaProxy = await get('/trusted', { 'x-forwarded-proto': 'http' });
    expect(plainViaProxy.headers['strict-transport-security']).toBeUndefined();
  });
});
