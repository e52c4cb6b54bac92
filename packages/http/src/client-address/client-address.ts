import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';
import { SettingError } from '@newsroom/settings';

/** Decides whether an address is a proxy we trust to report the client's address. */
export type TrustedProxies = (address: string, hopIndex: number) => boolean;

/**
 * The header through which each app's front server tells Next.js who the client is. The front
 * server always overwrites it, so a value sent by the client never reaches the app.
 */
export const CLIENT_ADDRESS_HEADER = 'x-newsroom-client-address';

/** Used when no address is known at all (never a real client's key). */
export const UNKNOWN_CLIENT = 'unknown';

const TRUST_NOBODY: TrustedProxies = () => false;

/**
 * `TRUSTED_PROXIES`: comma-separated addresses, CIDR ranges or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Unset: trust nobody, so forwarding headers are ignored, because
 * any client can write them.
 */
export function trustedProxiesFromEnv(env: NodeJS.ProcessEnv = process.env): TrustedProxies {
  const entries = (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return TRUST_NOBODY;
  try {
    return memoizedTrust(proxyAddr.compile(entries));
  } catch (error) {
    throw new SettingError(
      'TRUSTED_PROXIES',
      `TRUSTED_PROXIES must list addresses, CIDR ranges or loopback/linklocal/uniquelocal, ` +
        `got "${env.TRUSTED_PROXIES}": ${(error as Error).message}`,
    );
  }
}

/** Distinct addresses (or forwarding headers) remembered per memo; emptied when full. */
const MEMO_MAX = 10_000;

/**
 * A Map emptied when full: cheaper per hit than an LRU, and what it remembers (address → answer)
 * is recomputed on a miss, so an attacker sending endless new values only costs the computation
 * that would run without it.
 */
function boundedMemo<V>(compute: (key: string) => V, max = MEMO_MAX): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}

/**
 * proxy-addr's compiled trust parses the address (ipaddr.js) on every call, which the hot paths
 * ask about per request for a handful of distinct proxies: remember the answer per address.
 * proxy-addr's trust of a list ignores the hop index, so the address alone is the key.
 */
function memoizedTrust(trust: TrustedProxies): TrustedProxies {
  const trusted = boundedMemo((address) => trust(address, 0));
  return (address) => trusted(address);
}

/** Canonical form per distinct address (ipaddr.js parses it: microseconds, per request otherwise). */
const normalizedAddress = boundedMemo(normalizeAddress);

/** Resolved addresses per trust function and (socket address, X-Forwarded-For). */
const resolvedByTrust = new WeakMap<TrustedProxies, (key: string) => string>();

/**
 * The client's address: walking X-Forwarded-For from the right, the first hop that is not a
 * trusted proxy (proxy-addr's semantics). Entries left of it were written by the client and are
 * never believed. IPv4-mapped IPv6 addresses come back as plain IPv4.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustedProxies,
): string {
  if (!socketAddress) return UNKNOWN_CLIENT;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  // Without a header, or from a socket that is not a trusted proxy, the socket's address is the
  // client (proxy-addr's answer too), whatever the header says.
  if (!header || !trust(socketAddress, 0)) return normalizedAddress(socketAddress);
  // One hop written by a trusted proxy (a load balancer's usual header): that hop is the client,
  // trusted or not, as proxy-addr would say (nothing is left of it to walk to).
  if (!header.includes(',')) return normalizedAddress(header.trim());
  let resolve = resolvedByTrust.get(trust);
  if (!resolve) {
    resolve = boundedMemo((key) => {
      const space = key.indexOf(' ');
      return walkForwardedFor(key.slice(0, space), key.slice(space + 1), trust);
    });
    resolvedByTrust.set(trust, resolve);
  }
  // A socket address never holds a space: the key splits back unambiguously.
  return resolve(`${socketAddress} ${header}`);
}

function walkForwardedFor(socketAddress: string, header: string, trust: TrustedProxies): string {
  const request = {
    headers: header ? { 'x-forwarded-for': header } : {},
    socket: { remoteAddress: socketAddress },
    connection: { remoteAddress: socketAddress },
  };
  const address = proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust);
  return normalizedAddress(address);
}

function normalizeAddress(address: string): string {
  if (!ipaddr.isValid(address)) return UNKNOWN_CLIENT;
  return ipaddr.process(address).toString();
}

/**
 * The bits of an IPv6 address that name one subscriber: providers and hosts hand every customer
 * a /64 at least (RFC 6177), and its owner picks any of its 2^64 addresses per connection.
 */
const IPV6_SUBSCRIBER_PREFIX_BITS = 64;

/**
 * Whom a per-client limit counts, for a resolved client address: an IPv4 address itself, an IPv6
 * address's /64 network ("2001:db8:1:2::/64"). Counted per IPv6 address, a limit meant to stop
 * one client (code enumeration) would let it start afresh with every request.
 */
export function clientLimitKey(address: string): string {
  if (!address.includes(':')) return address; // IPv4 (resolved addresses are canonical) or unknown
  return subscriberNetwork(address);
}

const subscriberNetwork = boundedMemo((address: string): string => {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address}/${IPV6_SUBSCRIBER_PREFIX_BITS}`);
  return `${network.toString()}/${IPV6_SUBSCRIBER_PREFIX_BITS}`;
});

/** In Next.js code: the address the front server resolved for this request. */
export function clientAddressFromHeaders(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_CLIENT;
}

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
 * For a front server, before it hands a request to Next.js: resolves the client's address once and
 * writes it into CLIENT_ADDRESS_HEADER, replacing anything the client sent under that name. The
 * scheme and host the client used are settled the same way: X-Forwarded-Proto is rewritten to what
 * servedOverHttps says, and X-Forwarded-Host is kept only from a trusted proxy, so Next.js and the
 * staff proxy (Secure cookies, the Origin check) never act on forwarding headers a client wrote.
 */
export function stampClientAddress(req: IncomingMessage, trust: TrustedProxies): string {
  const address = resolveClientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    trust,
  );
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  const viaTrustedProxy = !!req.socket.remoteAddress && trust(req.socket.remoteAddress, 0);
  req.headers['x-forwarded-proto'] = servedOverHttps(req, trust) ? 'https' : 'http';
  if (!viaTrustedProxy) delete req.headers['x-forwarded-host'];
  return address;
}
