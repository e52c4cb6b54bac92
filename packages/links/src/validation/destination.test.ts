import { describe, expect, it } from 'vitest';
import { checkDestination } from './destination';
import { compileDestinationPolicy } from './destination-policy';
import { DESTINATION_CORPUS } from './destination-corpus';

// The shortener of these tests: http://localhost:3001 and sho.rt (any port), as in config.
const policy = compileDestinationPolicy({
  ownHosts: ['localhost:3001', 'sho.rt'],
  allowed: ['localhost:3000'],
});

function refusal(url: string): string {
  const check = checkDestination(url, policy);
  return check.ok ? `accepted as ${check.url}` : check.message;
}

describe('destinations: the corpus', () => {
  for (const [kind, { payloads, message }] of Object.entries(DESTINATION_CORPUS.refused)) {
    it.each(payloads)(`refuses ${kind}: %s`, (url) => {
      expect(refusal(url)).toMatch(message);
    });
  }

  it.each(DESTINATION_CORPUS.accepted)('accepts the public destination %s', (url) => {
    expect(checkDestination(url, policy).ok).toBe(true);
  });
});

describe('destinations: canonical form', () => {
  it('stores WHATWG-normalised URLs', () => {
    expect(checkDestination('https://EXAMPLE.com./a b', policy)).toEqual({
      ok: true,
      url: 'https://example.com./a%20b',
    });
  });

  it('refuses port 0, where no site can answer', () => {
    for (const url of [
      'https://example.com:0/',
      'http://example.com:00/a',
      'https://[2001:db8::1]:0/',
    ])
      expect(refusal(url), url).toBe(
        'The URL has port 0, where no site can answer: remove ":0" or give its real port.',
      );
    expect(checkDestination('https://example.com:8443/', policy).ok).toBe(true);
  });

  it('names the address and its kind in the message', () => {
    expect(refusal('http://0xa9fea9fe/latest/meta-data/')).toBe(
      'That URL points to an internal address (linkLocal) (169.254.169.254); short links may only go to public addresses.',
    );
  });
});

describe('destinations: the allow-list (intranet deployments)', () => {
  const intranet = compileDestinationPolicy({
    ownHosts: ['localhost:3001', 'sho.rt'],
    allowed: ['10.0.0.0/8', 'fd00::/8', 'intranet', '.corp.internal', '192.168.1.5', 'wiki:8080'],
  });
  const ok = (url: string) => checkDestination(url, intranet).ok;

  it('allows what is listed, in any spelling', () => {
    expect(ok('http://10.1.2.3/')).toBe(true);
    expect(ok('http://10.1/')).toBe(true); // 10.0.0.1
    expect(ok('http://0x0a000001/')).toBe(true);
    expect(ok('http://[::ffff:10.0.0.1]/')).toBe(true);
    expect(ok('http://[fd12::1]/')).toBe(true);
    expect(ok('http://INTRANET./home')).toBe(true);
    expect(ok('https://hr.corp.internal/')).toBe(true);
    expect(ok('http://192.168.1.5:8443/')).toBe(true);
    expect(ok('http://wiki:8080/page')).toBe(true);
  });

  it('still refuses what is not listed, and the shortener itself', () => {
    expect(ok('http://192.168.1.6/')).toBe(false);
    expect(ok('http://wiki/page')).toBe(false);
    expect(ok('http://169.254.169.254/')).toBe(false);
    expect(ok('http://127.0.0.1:3001/')).toBe(false);
    expect(ok('http://evilcorp.internal/')).toBe(false);
  });

  it('refuses a malformed entry with a message', () => {
    expect(() => compileDestinationPolicy({ ownHosts: [], allowed: ['10.0.0.0/99'] })).toThrow(
      /not a valid CIDR range/,
    );
    expect(() =>
      compileDestinationPolicy({ ownHosts: [], allowed: ['http://x.org/path'] }),
    ).toThrow(/neither an IP address/);
  });
});
