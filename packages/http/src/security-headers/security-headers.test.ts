import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createCspNonce,
  scriptHashSource,
  securityHeaders,
} from './security-headers';
import { inlineScriptHashes } from './inline-scripts';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('securityHeaders', () => {
  it('forbids framing of staff pages and lets public pages be framed by the site only', () => {
    const staff = securityHeaders({ audience: 'staff', https: false, scripts: { kind: 'none' } });
    const reader = securityHeaders({ audience: 'public', https: false, scripts: { kind: 'none' } });
    expect(directives(staff['Content-Security-Policy']!).get('frame-ancestors')).toBe("'none'");
    expect(staff['X-Frame-Options']).toBe('DENY');
    expect(directives(reader['Content-Security-Policy']!).get('frame-ancestors')).toBe("'self'");
    expect(reader['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('always sends nosniff, a referrer policy and a permissions policy', () => {
    for (const audience of ['public', 'staff'] as const) {
      const headers = securityHeaders({ audience, https: false, scripts: { kind: 'none' } });
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toMatch(/origin/);
      expect(headers['Permissions-Policy']).toContain('camera=()');
    }
  });

  it('sends HSTS and upgrades requests only over https', () => {
    const plain = securityHeaders({ audience: 'public', https: false, scripts: { kind: 'none' } });
    const secure = securityHeaders({ audience: 'public', https: true, scripts: { kind: 'none' } });
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(plain['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(secure['Strict-Transport-Security']).toMatch(/^max-age=31536000/);
    expect(secure['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('allows inline scripts by nonce or by hash, never unsafe-inline, eval only in development', () => {
    const nonced = contentSecurityPolicy({
      audience: 'staff',
      https: false,
      scripts: { kind: 'nonce', nonce: 'abc123' },
    });
    expect(directives(nonced).get('script-src')).toBe("'self' 'nonce-abc123'");
    const hashed = contentSecurityPolicy({
      audience: 'public',
      https: false,
      scripts: { kind: 'hashes', hashes: ["'sha256-x'", "'sha256-y'"] },
    });
    expect(directives(hashed).get('script-src')).toBe("'self' 'sha256-x' 'sha256-y'");
    const none = contentSecurityPolicy({
      audience: 'public',
      https: false,
      scripts: { kind: 'none' },
    });
    expect(directives(none).get('script-src')).toBe("'none'");
    const dev = contentSecurityPolicy({
      audience: 'staff',
      https: false,
      scripts: { kind: 'nonce', nonce: 'n' },
      development: true,
    });
    expect(directives(dev).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(nonced).get('connect-src')).toBe("'self'");
    const collab = contentSecurityPolicy({
      audience: 'staff',
      https: false,
      scripts: { kind: 'nonce', nonce: 'n' },
      connectSources: ['ws://newsroom.test:3002'],
    });
    expect(directives(collab).get('connect-src')).toBe("'self' ws://newsroom.test:3002");
    for (const policy of [nonced, hashed, none]) {
      expect(policy).not.toContain("'unsafe-eval'");
      expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
      expect(directives(policy).get('object-src')).toBe("'none'");
      expect(directives(policy).get('base-uri')).toBe("'none'");
    }
  });
});

describe('createCspNonce', () => {
  it('is fresh every time and in the alphabet Next.js reads from the header', () => {
    const nonces = new Set(Array.from({ length: 100 }, createCspNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/_-]{22}={0,2}$/);
  });
});

describe('inlineScriptHashes', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('hashes every inline script a browser would run, byte for byte', () => {
    const first = '(self.__next_f=self.__next_f||[]).push([0])';
    const second = 'self.__next_f.push([1,"a\\u003cb"])';
    const html =
      `<head><script src="/_next/static/chunks/a.js" async=""></script>` +
      `<script id="_R_">${first}</script></head><body><p>x</p>` +
      `<script type="application/ld+json">{"@type":"NewsArticle"}</script>` +
      `<script>${second}</script><SCRIPT type="module">m()</SCRIPT></body>`;
    expect(inlineScriptHashes(html)).toEqual([sha(first), sha(second), sha('m()')]);
    expect(scriptHashSource(first)).toBe(sha(first));
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toEqual([]);
  });
});
