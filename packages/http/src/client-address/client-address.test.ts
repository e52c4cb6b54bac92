import { describe, expect, it } from 'vitest';
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFromHeaders,
  clientLimitKey,
  resolveClientAddress,
  trustedProxiesFromEnv,
  UNKNOWN_CLIENT,
} from './client-address';

describe('resolveClientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    const trust = trustedProxiesFromEnv({});
    expect(resolveClientAddress('203.0.113.7', '198.51.100.1', trust)).toBe('203.0.113.7');
  });

  it('takes the right-most untrusted hop, never the client-written left entries', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' });
    // The client wrote "1.2.3.4"; the proxy at 10.0.0.5 appended the real peer 203.0.113.9.
    expect(resolveClientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.0.0.5', trust)).toBe(
      '203.0.113.9',
    );
  });

  it('uses the socket address when the peer is not a trusted proxy, whatever the header says', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: '10.0.0.1' });
    expect(resolveClientAddress('203.0.113.50', '8.8.8.8', trust)).toBe('203.0.113.50');
  });

  it('joins repeated headers in order', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: 'loopback' });
    expect(resolveClientAddress('127.0.0.1', ['198.51.100.2', '127.0.0.1'], trust)).toBe(
      '198.51.100.2',
    );
  });

  it('returns IPv4-mapped IPv6 peers as IPv4', () => {
    expect(resolveClientAddress('::ffff:192.0.2.1', undefined, trustedProxiesFromEnv({}))).toBe(
      '192.0.2.1',
    );
  });

  it('stops at garbage in the header instead of believing it', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: 'loopback' });
    expect(resolveClientAddress('127.0.0.1', 'not-an-ip', trust)).toBe(UNKNOWN_CLIENT);
  });

  it('answers per header and socket, also when asked again (answers are remembered)', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: 'loopback' });
    for (let round = 0; round < 2; round += 1) {
      expect(resolveClientAddress('127.0.0.1', '198.51.100.7', trust)).toBe('198.51.100.7');
      expect(resolveClientAddress('127.0.0.1', '198.51.100.8', trust)).toBe('198.51.100.8');
      // The same header from a peer that is not a trusted proxy is not believed.
      expect(resolveClientAddress('203.0.113.1', '198.51.100.7', trust)).toBe('203.0.113.1');
      expect(resolveClientAddress('::ffff:127.0.0.1', undefined, trust)).toBe('127.0.0.1');
    }
  });

  it('stays right past the number of answers it remembers', () => {
    const trust = trustedProxiesFromEnv({ TRUSTED_PROXIES: 'loopback' });
    for (let index = 0; index < 25_000; index += 1) {
      const client = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
      expect(resolveClientAddress('127.0.0.1', client, trust)).toBe(client);
      expect(resolveClientAddress(client, undefined, trust)).toBe(client);
    }
  });

  it('is unknown without a socket address', () => {
    expect(resolveClientAddress(undefined, '1.2.3.4', trustedProxiesFromEnv({}))).toBe(
      UNKNOWN_CLIENT,
    );
  });
});

describe('trustedProxiesFromEnv', () => {
  it('explains a bad setting', () => {
    expect(() => trustedProxiesFromEnv({ TRUSTED_PROXIES: 'not a range' })).toThrow(
      /TRUSTED_PROXIES must list/,
    );
  });
});

describe('clientAddressFromHeaders', () => {
  it('reads the front server header', () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '192.0.2.4' });
    expect(clientAddressFromHeaders(headers)).toBe('192.0.2.4');
    expect(clientAddressFromHeaders(new Headers())).toBe(UNKNOWN_CLIENT);
  });
});

describe('stampClientAddress', () => {
  it('overwrites a client-sent header with the resolved address, over real HTTP', async () => {
    const { createServer } = await import('node:http');
    const { stampClientAddress } = await import('./client-address');
    const server = createServer((req, res) => {
      stampClientAddress(req, trustedProxiesFromEnv({}));
      res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [CLIENT_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' },
      });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('lets only a trusted proxy say https or name the host; a client cannot', async () => {
    const { createServer } = await import('node:http');
    const { stampClientAddress } = await import('./client-address');
    const server = createServer((req, res) => {
      const trust = trustedProxiesFromEnv(
        req.url === '/trusted' ? { TRUSTED_PROXIES: 'loopback' } : {},
      );
      stampClientAddress(req, trust);
      res.end(
        JSON.stringify({
          proto: req.headers['x-forwarded-proto'],
          host: req.headers['x-forwarded-host'] ?? null,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    try {
      const direct = await fetch(`http://127.0.0.1:${port}/`, { headers: forwarded });
      expect(await direct.json()).toEqual({ proto: 'http', host: null });
      const viaProxy = await fetch(`http://127.0.0.1:${port}/trusted`, { headers: forwarded });
      expect(await viaProxy.json()).toEqual({ proto: 'https', host: 'evil.example' });
      const plain = await fetch(`http://127.0.0.1:${port}/trusted`);
      expect(await plain.json()).toEqual({ proto: 'http', host: null });
    } finally {
      server.close();
    }
  });
});

describe('clientLimitKey', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64 network', () => {
    expect(clientLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientLimitKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientLimitKey(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
  });
});
